import type { ChannelName } from '../../../electron/contract';
import type { Role } from '../../../electron/contract/labels';

/** What the renderer knows of a channel, copied from the contract (the files beside this one are generated). */
export interface ChannelFacts {
  /** Roles allowed to call it. */
  roles: readonly Role[];
  /** For a write: the read channels a successful call makes stale. */
  refreshes?: readonly ChannelName[];
}
