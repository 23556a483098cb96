// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const backupFacts = {
  'backup.list': { roles: ['admin'] },
  'backup.create': { roles: ['admin'], refreshes: ['backup.list'] },
  'backup.inspect': { roles: ['admin'] },
  'backup.restore': { roles: ['admin'], refreshes: [] },
  'backup.restoreNew': { roles: ['admin'], refreshes: [] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
