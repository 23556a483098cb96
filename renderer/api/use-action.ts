import { App, type FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/contract';
import { call, errorMessage, fieldErrors } from './client';
import { refreshAfter } from './refresh';

type Toast = ReturnType<typeof App.useApp>['message'];

export interface ActionOptions<C extends ChannelName> {
  /** The form the core's field messages go onto when it refuses; the form keeps what the user typed. */
  form?: FormInstance;
  /** Said on success. */
  done?: string | ((value: ChannelOutput<C>) => string);
}

/**
 * One write, said once: on success the optional message, then every mounted list the channel declares stale
 * is read again; a refusal puts its Chinese message in a toast and its field messages on the form. Returns the
 * value, or undefined after a refusal (already shown). For callers that cannot hold a hook per channel.
 */
export async function act<C extends ChannelName>(
  toast: Toast,
  channel: C,
  input: ChannelInput<C>,
  options: ActionOptions<C> = {},
): Promise<ChannelOutput<C> | undefined> {
  let value: ChannelOutput<C>;
  try {
    value = await call(channel, input);
  } catch (e) {
    options.form?.setFields(fieldErrors(e));
    toast.error(errorMessage(e));
    return undefined;
  }
  if (options.done) toast.success(typeof options.done === 'string' ? options.done : options.done(value));
  refreshAfter(channel);
  return value;
}

export interface Action<C extends ChannelName> {
  /** A call is running: for the button's spinner. */
  busy: boolean;
  /** `done` here says this call's own success message (naming the row it acted on). */
  run(input: ChannelInput<C>, done?: string): Promise<ChannelOutput<C> | undefined>;
}

/** A call that changes data, from a component: `act` with a busy flag. */
export function useAction<C extends ChannelName>(channel: C, options: ActionOptions<C> = {}): Action<C> {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // the latest options without re-creating run on every render (a `done` is usually an inline function)
  const latest = useRef(options);
  latest.current = options;
  const run = useCallback(
    async (input: ChannelInput<C>, done?: string) => {
      setBusy(true);
      try {
        return await act(message, channel, input, done === undefined ? latest.current : { ...latest.current, done });
      } finally {
        setBusy(false);
      }
    },
    [message, channel],
  );
  return { busy, run };
}
