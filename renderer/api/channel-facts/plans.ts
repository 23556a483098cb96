// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const plansFacts = {
  'plans.list': { roles: ['evaluator', 'leader', 'clerk'] },
  'plans.get': { roles: ['evaluator', 'leader'] },
  'plans.create': { roles: ['evaluator'], refreshes: ['plans.list'] },
  'plans.update': { roles: ['evaluator'], refreshes: ['plans.list', 'plans.get', 'letters.list'] },
  'plans.publishCheck': { roles: ['evaluator', 'leader'] },
  'plans.setState': {
    roles: ['evaluator'],
    refreshes: [
      'plans.list',
      'plans.get',
      'targets.list',
      'targets.page',
      'letters.list',
      'reports.list',
      'checks.list',
    ],
  },
  'indicators.save': { roles: ['evaluator'], refreshes: ['plans.get', 'targets.list', 'targets.page', 'letters.list'] },
  'indicators.importPreview': { roles: ['evaluator'] },
  'indicators.import': {
    roles: ['evaluator'],
    refreshes: ['plans.get', 'targets.list', 'targets.page', 'letters.list'],
  },
  'indicators.template': { roles: ['evaluator'] },
  'indicators.remove': {
    roles: ['evaluator'],
    refreshes: ['plans.get', 'targets.list', 'targets.page', 'letters.list'],
  },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
