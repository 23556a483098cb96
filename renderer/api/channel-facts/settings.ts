// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const settingsFacts = {
  'settings.get': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'] },
  'settings.update': { roles: ['admin'], refreshes: ['settings.get', 'system.info', 'system.firstRun'] },
  'settings.updateBusiness': {
    roles: ['evaluator'],
    refreshes: ['settings.get', 'system.info', 'letters.list', 'system.firstRun'],
  },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
