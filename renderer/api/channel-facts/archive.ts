// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const archiveFacts = {
  'people.archive': { roles: ['evaluator', 'leader'] },
  'people.archiveExport': { roles: ['evaluator', 'leader'], refreshes: [] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
