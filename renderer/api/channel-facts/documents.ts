// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const documentsFacts = {
  'documents.list': { roles: ['evaluator', 'leader'] },
  'documents.content': { roles: ['evaluator', 'leader'] },
  'documents.open': { roles: ['evaluator', 'leader'], refreshes: [] },
  'documents.print': { roles: ['evaluator', 'leader'], refreshes: [] },
  'documents.void': { roles: ['evaluator'], refreshes: ['documents.list', 'letters.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
