import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/contract';
import { call, errorMessage } from './client';
import { whileMounted } from './refresh';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Loads a read channel on mount; the error is already the Chinese message to show. While mounted it is
 * read again after any write whose channel declares it stale (see useAction).
 */
export function useCall<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  /** `enabled: false` defers the read until it turns true (a picker reads its options when first opened). */
  o: { enabled?: boolean; onFocus?: boolean } = {},
): Loaded<ChannelOutput<C>> {
  type State = { data?: ChannelOutput<C>; error?: string; loading: boolean };
  const enabled = o.enabled ?? true;
  const [state, setState] = useState<State>({ loading: enabled });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call(channel, JSON.parse(key) as ChannelInput<C>).then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) => live && setState({ error: errorMessage(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [channel, key, tick, enabled]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => whileMounted(channel, reload), [channel, reload]);
  // what another session may change (the administrator's settings): read again when the window comes back
  const onFocus = !!o.onFocus;
  useEffect(() => {
    if (!onFocus) return;
    const again = () => document.visibilityState === 'visible' && reload();
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [onFocus, reload]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
