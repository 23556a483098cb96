// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const jobsFacts = {
  'jobs.status': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'] },
  'jobs.cancel': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
