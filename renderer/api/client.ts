import type { AppErrorValue, ChannelInput, ChannelName, ChannelOutput, Result } from '../../electron/contract';

type Bridge = { [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host. */
    kaoping?: Bridge;
  }
}

/** An error Result surfaced as an exception, carrying the Chinese message for the user. */
export class ApiError extends Error {
  constructor(readonly error: AppErrorValue) {
    super(error.message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'kaoping.token';

/** The loopback host hands its token in the URL fragment once; keep it for this tab only. */
function webToken(): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

async function viaHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kaoping-token': webToken() ?? '' },
      body: JSON.stringify({ channel, input }),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接考评服务，请确认程序仍在运行。' } };
  }
  try {
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `考评服务返回了无法识别的内容（HTTP ${res.status}）。` } };
  }
}

/** Calls a contract channel and unwraps its Result; an error Result throws ApiError. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = window.kaoping;
  const result = bridge
    ? await (bridge[channel] as (i: unknown) => Promise<Result<unknown>>)(input)
    : await viaHttp(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ChannelOutput<C>;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作未完成：发生了意外错误，请重试或联系系统管理员。';
}
