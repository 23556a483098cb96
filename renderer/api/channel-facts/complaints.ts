// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const complaintsFacts = {
  'complaints.list': { roles: ['evaluator', 'leader'] },
  'complaints.save': {
    roles: ['evaluator'],
    refreshes: ['complaints.list', 'board.list', 'scores.grid', 'results.get'],
  },
  'complaints.conclude': {
    roles: ['evaluator'],
    refreshes: ['complaints.list', 'board.list', 'scores.grid', 'results.get'],
  },
  'complaints.reopen': {
    roles: ['evaluator'],
    refreshes: ['complaints.list', 'board.list', 'scores.grid', 'results.get'],
  },
  'complaints.toClue': {
    roles: ['evaluator'],
    refreshes: ['complaints.list', 'board.list', 'scores.grid', 'results.get'],
  },
  'complaints.importPreview': { roles: ['evaluator'] },
  'complaints.import': {
    roles: ['evaluator'],
    refreshes: ['complaints.list', 'board.list', 'scores.grid', 'results.get'],
  },
  'complaints.importErrors': { roles: ['evaluator'] },
  'complaints.template': { roles: ['evaluator'] },
  'complaints.export': { roles: ['evaluator', 'leader'], refreshes: [] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
