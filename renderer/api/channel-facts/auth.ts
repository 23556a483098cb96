// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const authFacts = {
  'auth.status': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'] },
  'auth.setup': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'], refreshes: [] },
  'auth.login': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'], refreshes: [] },
  'auth.logout': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'], refreshes: [] },
  'auth.lock': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'], refreshes: [] },
  'auth.unlock': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'], refreshes: [] },
  'auth.changePassword': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'], refreshes: ['users.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
