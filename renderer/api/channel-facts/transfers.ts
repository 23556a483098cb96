// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const transfersFacts = {
  'transfers.list': { roles: ['evaluator', 'leader'] },
  'transfers.export': { roles: ['evaluator', 'leader'], refreshes: [] },
  'transfers.save': { roles: ['evaluator'], refreshes: ['transfers.list', 'board.list'] },
  'transfers.feedback': { roles: ['evaluator'], refreshes: ['transfers.list', 'board.list'] },
  'transfers.issue': { roles: ['evaluator'], refreshes: ['transfers.list', 'board.list', 'documents.list'] },
  'transfers.toClue': { roles: ['evaluator'], refreshes: ['transfers.list', 'board.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
