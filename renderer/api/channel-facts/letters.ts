// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const lettersFacts = {
  'letters.list': { roles: ['evaluator', 'leader'] },
  'letters.generate': { roles: ['evaluator'], refreshes: ['letters.list', 'documents.list'] },
  'letters.reissue': { roles: ['evaluator'], refreshes: ['letters.list', 'documents.list'] },
  'letters.generateMany': { roles: ['evaluator'], refreshes: ['letters.list', 'documents.list'] },
  'letters.batch': { roles: ['evaluator'] },
  'letters.combine': { roles: ['evaluator'], refreshes: ['documents.list'] },
  'letters.sign': {
    roles: ['evaluator'],
    refreshes: ['letters.list', 'targets.list', 'targets.page', 'plans.get', 'plans.list'],
  },
  'letters.signMany': {
    roles: ['evaluator'],
    refreshes: ['letters.list', 'targets.list', 'targets.page', 'plans.get', 'plans.list'],
  },
  'letters.unsign': {
    roles: ['evaluator'],
    refreshes: ['letters.list', 'targets.list', 'targets.page', 'plans.get', 'plans.list'],
  },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
