// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const scoresFacts = {
  'scores.bodies': { roles: ['evaluator', 'leader', 'clerk'] },
  'scores.grid': { roles: ['evaluator', 'leader', 'clerk'] },
  'scores.save': {
    roles: ['evaluator', 'clerk'],
    refreshes: [
      'scores.bodies',
      'scores.grid',
      'scores.selfGrid',
      'todo.list',
      'results.get',
      'rewards.get',
      'dashboard.get',
    ],
  },
  'scores.submit': {
    roles: ['evaluator', 'clerk'],
    refreshes: [
      'scores.bodies',
      'scores.grid',
      'scores.selfGrid',
      'todo.list',
      'results.get',
      'rewards.get',
      'dashboard.get',
    ],
  },
  'scores.return': {
    roles: ['evaluator'],
    refreshes: [
      'scores.bodies',
      'scores.grid',
      'scores.selfGrid',
      'todo.list',
      'results.get',
      'rewards.get',
      'dashboard.get',
    ],
  },
  'scores.selfGrid': { roles: ['evaluator', 'leader', 'clerk'] },
  'scores.saveSelf': {
    roles: ['evaluator', 'clerk'],
    refreshes: [
      'scores.bodies',
      'scores.grid',
      'scores.selfGrid',
      'todo.list',
      'results.get',
      'rewards.get',
      'dashboard.get',
    ],
  },
  'scores.template': { roles: ['evaluator', 'clerk'] },
  'scores.importPreview': { roles: ['evaluator', 'clerk'] },
  'scores.importErrors': { roles: ['evaluator', 'clerk'] },
  'scores.import': {
    roles: ['evaluator', 'clerk'],
    refreshes: [
      'scores.bodies',
      'scores.grid',
      'scores.selfGrid',
      'todo.list',
      'results.get',
      'rewards.get',
      'dashboard.get',
    ],
  },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
