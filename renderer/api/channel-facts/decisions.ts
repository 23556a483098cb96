// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const decisionsFacts = {
  'decisions.issue': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'decisions.serve': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'decisions.executed': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'decisions.remove': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'decisions.revoke': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'appeals.register': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'appeals.answer': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
