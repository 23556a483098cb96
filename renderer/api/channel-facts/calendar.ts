// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const calendarFacts = {
  'calendar.list': { roles: ['admin', 'evaluator', 'clerk', 'leader', 'auditor'] },
  'calendar.set': { roles: ['admin'], refreshes: ['calendar.list', 'notices.list', 'rectify.list', 'board.list'] },
  'calendar.remove': { roles: ['admin'], refreshes: ['calendar.list', 'notices.list', 'rectify.list', 'board.list'] },
  'calendar.preview': { roles: ['admin'] },
  'calendar.import': { roles: ['admin'], refreshes: ['calendar.list', 'notices.list', 'rectify.list', 'board.list'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
