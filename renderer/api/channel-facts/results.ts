// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const resultsFacts = {
  'results.rules': { roles: ['evaluator', 'leader'] },
  'results.saveRules': {
    roles: ['evaluator'],
    refreshes: ['results.rules', 'results.get', 'rewards.rules', 'rewards.get', 'dashboard.get'],
  },
  'results.get': { roles: ['evaluator', 'leader'] },
  'results.drillDown': { roles: ['evaluator', 'leader'] },
  'results.export': { roles: ['evaluator', 'leader'], refreshes: [] },
  'results.exportDrillDown': { roles: ['evaluator', 'leader'], refreshes: [] },
  'rewards.rules': { roles: ['evaluator', 'leader'] },
  'rewards.saveRules': { roles: ['evaluator'], refreshes: ['rewards.rules', 'rewards.get'] },
  'rewards.get': { roles: ['evaluator', 'leader'] },
  'rewards.export': { roles: ['evaluator', 'leader'], refreshes: [] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
