// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const trainingFacts = {
  'training.list': { roles: ['evaluator', 'leader'] },
  'training.save': {
    roles: ['evaluator'],
    refreshes: ['training.list', 'training.attendance', 'training.summary', 'people.archive'],
  },
  'training.remove': {
    roles: ['evaluator'],
    refreshes: ['training.list', 'training.attendance', 'training.summary', 'people.archive'],
  },
  'training.attendance': { roles: ['evaluator', 'leader'] },
  'training.attend': {
    roles: ['evaluator'],
    refreshes: ['training.list', 'training.attendance', 'training.summary', 'people.archive'],
  },
  'training.unattend': {
    roles: ['evaluator'],
    refreshes: ['training.list', 'training.attendance', 'training.summary', 'people.archive'],
  },
  'training.importPreview': { roles: ['evaluator'] },
  'training.import': {
    roles: ['evaluator'],
    refreshes: ['training.list', 'training.attendance', 'training.summary', 'people.archive'],
  },
  'training.template': { roles: ['evaluator'] },
  'training.summary': { roles: ['evaluator', 'leader'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
