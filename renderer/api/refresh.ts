import type { ChannelName } from '../../electron/contract';
import { channelFacts } from './channel-facts/index';

/** The reloads of every mounted read, by channel: what a write names as stale is read again. */
const mounted = new Map<ChannelName, Set<() => void>>();

/** useCall registers here while its component is mounted; the returned function unregisters. */
export function whileMounted(channel: ChannelName, reload: () => void): () => void {
  let set = mounted.get(channel);
  if (!set) mounted.set(channel, (set = new Set()));
  set.add(reload);
  return () => void set.delete(reload);
}

/** After a write succeeded: reload every mounted list its channel declares stale in the contract. */
export function refreshAfter(write: ChannelName): void {
  for (const read of channelFacts[write].refreshes ?? []) mounted.get(read)?.forEach((reload) => reload());
}
