// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const efficiencyFacts = {
  'efficiency.list': { roles: ['evaluator', 'leader'] },
  'efficiency.template': { roles: ['evaluator'] },
  'efficiency.importPreview': { roles: ['evaluator'] },
  'efficiency.importErrors': { roles: ['evaluator'] },
  'efficiency.import': { roles: ['evaluator'], refreshes: ['efficiency.list'] },
  'efficiency.publish': { roles: ['evaluator'], refreshes: ['documents.list'] },
  'efficiency.export': { roles: ['evaluator', 'leader'], refreshes: [] },
  'cost.list': { roles: ['evaluator', 'leader'] },
  'cost.template': { roles: ['evaluator'] },
  'cost.importPreview': { roles: ['evaluator'] },
  'cost.importErrors': { roles: ['evaluator'] },
  'cost.import': { roles: ['evaluator'], refreshes: ['cost.list'] },
  'cost.setMethod': { roles: ['evaluator'], refreshes: ['cost.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
