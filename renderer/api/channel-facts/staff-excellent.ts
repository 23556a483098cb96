// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const staffExcellentFacts = {
  'staff.posting': { roles: ['evaluator', 'leader'] },
  'staff.publicize': {
    roles: ['evaluator'],
    refreshes: ['staff.posting', 'staff.round', 'people.archive', 'documents.list'],
  },
  'staff.objectionRegister': {
    roles: ['evaluator'],
    refreshes: ['staff.posting', 'staff.round', 'people.archive', 'documents.list'],
  },
  'staff.objectionInvestigate': {
    roles: ['evaluator'],
    refreshes: ['staff.posting', 'staff.round', 'people.archive', 'documents.list'],
  },
  'staff.objectionAnswer': {
    roles: ['evaluator'],
    refreshes: ['staff.posting', 'staff.round', 'people.archive', 'documents.list'],
  },
  'staff.confirmExcellent': {
    roles: ['evaluator'],
    refreshes: ['staff.posting', 'staff.round', 'people.archive', 'documents.list'],
  },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
