// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const progressFacts = {
  'reports.list': { roles: ['evaluator', 'leader', 'clerk'] },
  'reports.save': { roles: ['evaluator', 'clerk'], refreshes: ['reports.list', 'todo.list'] },
  'reports.submit': { roles: ['evaluator', 'clerk'], refreshes: ['reports.list', 'todo.list'] },
  'reports.review': { roles: ['evaluator'], refreshes: ['reports.list', 'todo.list'] },
  'reports.attach': { roles: ['evaluator', 'clerk'], refreshes: ['reports.list', 'todo.list'] },
  'reports.detach': { roles: ['evaluator', 'clerk'], refreshes: ['reports.list', 'todo.list'] },
  'reports.download': { roles: ['evaluator', 'leader', 'clerk'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
