// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const usersFacts = {
  'users.list': { roles: ['admin'] },
  'users.units': { roles: ['admin'] },
  'users.create': { roles: ['admin'], refreshes: ['users.list', 'system.firstRun'] },
  'users.update': { roles: ['admin'], refreshes: ['users.list', 'system.firstRun'] },
  'users.resetPassword': { roles: ['admin'], refreshes: ['users.list'] },
  'users.unlock': { roles: ['admin'], refreshes: ['users.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
