// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const checksFacts = {
  'checks.list': { roles: ['evaluator', 'leader'] },
  'checks.save': { roles: ['evaluator'], refreshes: ['checks.list'] },
  'findings.save': { roles: ['evaluator'], refreshes: ['checks.list'] },
  'findings.remove': { roles: ['evaluator'], refreshes: ['checks.list'] },
  'checks.report': { roles: ['evaluator'], refreshes: ['checks.list', 'documents.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
