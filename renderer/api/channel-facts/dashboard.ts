// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const dashboardFacts = {
  'dashboard.get': { roles: ['leader', 'evaluator'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
