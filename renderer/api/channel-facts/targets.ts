// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const targetsFacts = {
  'targets.list': { roles: ['evaluator', 'leader'] },
  'targets.page': { roles: ['evaluator', 'leader'] },
  'targets.save': {
    roles: ['evaluator'],
    refreshes: ['targets.list', 'targets.page', 'plans.get', 'plans.list', 'letters.list', 'reports.list'],
  },
  'targets.remove': {
    roles: ['evaluator'],
    refreshes: ['targets.list', 'targets.page', 'plans.get', 'plans.list', 'letters.list', 'reports.list'],
  },
  'targets.assignCommon': {
    roles: ['evaluator'],
    refreshes: ['targets.list', 'targets.page', 'plans.get', 'plans.list', 'letters.list', 'reports.list'],
  },
  'targets.importPreview': { roles: ['evaluator'] },
  'targets.importErrors': { roles: ['evaluator'] },
  'targets.import': {
    roles: ['evaluator'],
    refreshes: ['targets.list', 'targets.page', 'plans.get', 'plans.list', 'letters.list', 'reports.list'],
  },
  'targets.template': { roles: ['evaluator'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
