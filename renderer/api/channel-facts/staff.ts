// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const staffFacts = {
  'staff.round': { roles: ['evaluator', 'leader'] },
  'staff.grade': { roles: ['evaluator'], refreshes: ['staff.round', 'staff.posting', 'people.archive'] },
  'staff.scope': { roles: ['evaluator'], refreshes: ['staff.round', 'staff.posting', 'people.archive'] },
  'staff.unitGrade': { roles: ['evaluator'], refreshes: ['staff.round', 'staff.posting', 'people.archive'] },
  'staff.confirm': { roles: ['evaluator'], refreshes: ['staff.round', 'staff.posting', 'people.archive'] },
  'staff.settings': { roles: ['evaluator', 'leader'] },
  'staff.saveSettings': {
    roles: ['evaluator'],
    refreshes: ['staff.settings', 'staff.round', 'staff.posting', 'training.summary'],
  },
  'measures.list': { roles: ['evaluator', 'leader'] },
  'measures.save': {
    roles: ['evaluator'],
    refreshes: ['measures.list', 'staff.round', 'staff.posting', 'people.archive'],
  },
  'measures.remove': {
    roles: ['evaluator'],
    refreshes: ['measures.list', 'staff.round', 'staff.posting', 'people.archive'],
  },
  'measures.importPreview': { roles: ['evaluator'] },
  'measures.import': {
    roles: ['evaluator'],
    refreshes: ['measures.list', 'staff.round', 'staff.posting', 'people.archive'],
  },
  'measures.template': { roles: ['evaluator'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
