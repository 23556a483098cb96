// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';

export const exchangeFacts = {
  'exchange.overview': { roles: ['evaluator', 'leader', 'admin'] },
  'exchange.drives': { roles: ['evaluator', 'admin'] },
  'exchange.registrationExport': { roles: ['evaluator', 'admin'], refreshes: [] },
  'exchange.registrationInspect': { roles: ['evaluator', 'admin'] },
  'exchange.registrationAccept': { roles: ['evaluator', 'admin'], refreshes: ['exchange.overview'] },
  'exchange.bindUnit': { roles: ['evaluator', 'admin'], refreshes: ['exchange.overview'] },
  'exchange.replaceKeys': { roles: ['admin'], refreshes: ['exchange.overview'] },
  'exchange.revoke': { roles: ['admin'], refreshes: ['exchange.overview'] },
  'exchange.revocationImport': { roles: ['evaluator', 'admin'], refreshes: ['exchange.overview'] },
  'exchange.export': { roles: ['evaluator', 'admin'], refreshes: ['exchange.overview'] },
  'exchange.inspect': { roles: ['evaluator', 'admin'] },
  'exchange.import': { roles: ['evaluator', 'admin'], refreshes: ['exchange.overview'] },
  'exchange.start': { roles: ['evaluator', 'admin'] },
} satisfies { readonly [C in ChannelName]?: ChannelFacts };
