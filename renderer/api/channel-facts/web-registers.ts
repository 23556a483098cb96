// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const webRegistersFacts = {
  'audits.list': { roles: ['evaluator', 'leader'] },
  'audits.export': { roles: ['evaluator', 'leader'], refreshes: [] },
  'audits.save': { roles: ['evaluator'], refreshes: ['audits.list', 'rectify.list', 'board.list'] },
  'audits.addItem': { roles: ['evaluator'], refreshes: ['audits.list', 'rectify.list', 'board.list'] },
  'audits.close': { roles: ['evaluator'], refreshes: ['audits.list', 'rectify.list', 'board.list'] },
  'audits.notice': { roles: ['evaluator'], refreshes: ['documents.list'] },
  'audits.toClue': { roles: ['evaluator'], refreshes: ['audits.list', 'rectify.list', 'board.list'] },
  'meetings.list': { roles: ['evaluator', 'leader'] },
  'meetings.export': { roles: ['evaluator', 'leader'], refreshes: [] },
  'meetings.save': { roles: ['evaluator'], refreshes: ['meetings.list', 'rectify.list', 'board.list'] },
  'meetings.addItem': { roles: ['evaluator'], refreshes: ['meetings.list', 'rectify.list', 'board.list'] },
  'meetings.issue': {
    roles: ['evaluator'],
    refreshes: ['meetings.list', 'rectify.list', 'board.list', 'documents.list'],
  },
  'meetings.toClue': { roles: ['evaluator'], refreshes: ['meetings.list', 'rectify.list', 'board.list', 'clues.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
