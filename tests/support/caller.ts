import {
  type AppErrorValue,
  type Caller,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type ErrorCode,
  type Result,
  type Role,
  roles,
} from '../../electron/contract';
import type { App } from '../../electron/services/app';
import type { Transport } from '../../electron/services/handler';
import { asRole } from './app';

/** A refused call, thrown by `call`: the channel, the code and the user's message in one line. */
export class CallRefused extends Error {
  readonly code: ErrorCode;
  readonly fields?: AppErrorValue['fields'];
  constructor(
    readonly channel: ChannelName,
    error: AppErrorValue,
  ) {
    const fields = error.fields?.length ? ` [${error.fields.map((f) => `${f.path}: ${f.message}`).join('; ')}]` : '';
    super(`${channel} → ${error.code}: ${error.message}${fields}`);
    this.name = 'CallRefused';
    this.code = error.code;
    this.fields = error.fields;
  }
}

export interface TypedCaller {
  /** The channel's value, typed by the contract; a refusal throws CallRefused. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The Result itself, for tests of refusals. */
  attempt<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
}

/**
 * Calls channels through the app's dispatcher with the contract's types, as
 * - a session id (a signed-in user, through `app.call`, as a transport would), or null (no one
 *   signed in, for the public channels), or
 * - a role or a Caller (trusted, for tests of a handler's rules rather than of signing in).
 */
export function caller(
  app: App,
  who: string | Role | Caller | null,
  opts: { transport?: Transport } = {},
): TypedCaller {
  const transport = opts.transport ?? 'web';
  const send =
    who === null
      ? (channel: ChannelName, input: unknown) => app.call(null, transport, channel, input)
      : typeof who === 'object'
        ? (channel: ChannelName, input: unknown) => app.callAs(who, transport, channel, input)
        : (roles as readonly string[]).includes(who)
          ? (channel: ChannelName, input: unknown) => app.callAs(asRole(who as Role), transport, channel, input)
          : (channel: ChannelName, input: unknown) => app.call(who, transport, channel, input);
  const attempt = <C extends ChannelName>(channel: C, input: ChannelInput<C>) =>
    send(channel, input) as Promise<Result<ChannelOutput<C>>>;
  return {
    attempt,
    async call(channel, input) {
      const r = await attempt(channel, input);
      if (!r.ok) throw new CallRefused(channel, r.error);
      return r.value;
    },
  };
}
