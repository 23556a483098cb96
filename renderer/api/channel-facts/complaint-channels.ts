// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const complaintChannelsFacts = {
  'complaint-channels.list': { roles: ['evaluator', 'leader'] },
  'complaint-channels.save': { roles: ['evaluator'], refreshes: ['complaint-channels.list'] },
  'complaint-channels.remove': { roles: ['evaluator'], refreshes: ['complaint-channels.list'] },
  'complaint-channels.issue': { roles: ['evaluator'], refreshes: ['documents.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
