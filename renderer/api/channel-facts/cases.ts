// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const casesFacts = {
  'clues.list': { roles: ['evaluator', 'leader'] },
  'clues.file': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'clues.assess': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'notices.escalate': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list', 'notices.list'],
  },
  'findings.escalate': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list', 'checks.list'],
  },
  'results.toClue': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list', 'results.get'],
  },
  'cases.list': { roles: ['evaluator', 'leader'] },
  'cases.get': { roles: ['evaluator', 'leader'] },
  'cases.save': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'cases.step': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'cases.addSubject': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'cases.removeSubject': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'cases.statement': {
    roles: ['evaluator'],
    refreshes: ['clues.list', 'cases.list', 'cases.get', 'cases.stats', 'documents.list', 'board.list'],
  },
  'cases.stats': { roles: ['evaluator', 'leader'] },
  'cases.export': { roles: ['evaluator', 'leader'], refreshes: [] },
  'cases.bulletin': { roles: ['evaluator'], refreshes: ['documents.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
