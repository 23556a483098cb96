// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const noticesFacts = {
  'notices.list': { roles: ['evaluator', 'leader'] },
  'notices.create': {
    roles: ['evaluator'],
    refreshes: ['notices.list', 'board.list', 'rectify.list', 'checks.list', 'documents.list'],
  },
  'notices.reply': { roles: ['evaluator', 'clerk'], refreshes: ['notices.list', 'board.list', 'todo.list'] },
  'notices.review': { roles: ['evaluator'], refreshes: ['notices.list', 'board.list'] },
  'notices.extend': { roles: ['evaluator'], refreshes: ['notices.list', 'board.list'] },
  'notices.attach': { roles: ['evaluator', 'clerk'], refreshes: ['notices.list', 'todo.list'] },
  'notices.download': { roles: ['evaluator', 'leader'] },
  'notices.close': { roles: ['evaluator'], refreshes: ['notices.list', 'board.list'] },
  'rectify.list': { roles: ['evaluator', 'leader'] },
  'rectify.done': { roles: ['evaluator', 'clerk'], refreshes: ['rectify.list', 'board.list', 'todo.list'] },
  'rectify.verify': { roles: ['evaluator'], refreshes: ['rectify.list', 'board.list'] },
  'rectify.escalate': { roles: ['evaluator'], refreshes: ['rectify.list', 'board.list', 'clues.list'] },
  'board.print': { roles: ['evaluator', 'leader'], refreshes: [] },
  'board.list': { roles: ['evaluator', 'leader'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
