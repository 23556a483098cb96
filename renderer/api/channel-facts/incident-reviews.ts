// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const incidentReviewsFacts = {
  'incidents.list': { roles: ['evaluator', 'leader'] },
  'incidents.demand': { roles: ['evaluator'], refreshes: ['incidents.list', 'board.list', 'documents.list'] },
  'incidents.reply': { roles: ['evaluator'], refreshes: ['incidents.list', 'board.list'] },
  'incidents.settle': { roles: ['evaluator'], refreshes: ['incidents.list', 'board.list'] },
  'incidents.toClue': { roles: ['evaluator'], refreshes: ['incidents.list', 'board.list', 'clues.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
