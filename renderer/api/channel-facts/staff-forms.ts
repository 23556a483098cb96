// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const staffFormsFacts = {
  'staff.form': { roles: ['evaluator', 'leader'], refreshes: [] },
  'staff.formsBatch': { roles: ['evaluator', 'leader'] },
  'staff.formsVolume': { roles: ['evaluator', 'leader'], refreshes: [] },
  'staff.summaryExport': { roles: ['evaluator', 'leader'], refreshes: [] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
