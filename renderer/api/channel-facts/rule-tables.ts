// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const ruleTablesFacts = {
  'rule-tables.list': { roles: ['evaluator', 'leader'] },
  'rule-tables.get': { roles: ['evaluator', 'leader'] },
  'rule-tables.history': { roles: ['evaluator', 'leader'] },
  'rule-tables.save': {
    roles: ['evaluator'],
    refreshes: ['rule-tables.list', 'rule-tables.get', 'rule-tables.history', 'results.get', 'dashboard.get'],
  },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
