// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const registerImportsFacts = {
  'audits.importPreview': { roles: ['evaluator'] },
  'audits.import': { roles: ['evaluator'], refreshes: ['audits.list', 'rectify.list', 'board.list'] },
  'audits.importErrors': { roles: ['evaluator'] },
  'audits.template': { roles: ['evaluator'] },
  'transfers.importPreview': { roles: ['evaluator'] },
  'transfers.import': { roles: ['evaluator'], refreshes: ['transfers.list', 'board.list'] },
  'transfers.importErrors': { roles: ['evaluator'] },
  'transfers.template': { roles: ['evaluator'] },
  'meetings.importPreview': { roles: ['evaluator'] },
  'meetings.import': { roles: ['evaluator'], refreshes: ['meetings.list', 'rectify.list', 'board.list'] },
  'meetings.importErrors': { roles: ['evaluator'] },
  'meetings.template': { roles: ['evaluator'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
