import type { AppErrorValue, ChannelInput, ChannelName, ChannelOutput, Result } from '../../electron/contract';

type Bridge = {
  [C in ChannelName]: (input: ChannelInput<C>, sessionId?: string) => Promise<Result<ChannelOutput<C>>>;
} & {
  upload(kind: string, fileName: string, bytes: Uint8Array, sessionId?: string): Promise<Result<unknown>>;
};

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
const SESSION_KEY = 'kaoping.session';

/** The loopback host hands its token in the URL fragment once; keep it for this tab only. */
function webToken(): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The session id from sign-in lives for this window only; closing it signs out. */
export const session = {
  get: (): string | null => sessionStorage.getItem(SESSION_KEY),
  set: (id: string | null) => (id ? sessionStorage.setItem(SESSION_KEY, id) : sessionStorage.removeItem(SESSION_KEY)),
};

type Listener = (code: AppErrorValue['code']) => void;
const listeners = new Set<Listener>();
/** The auth context listens here: a call answered "not signed in" or "locked" switches the screen. */
export function onAuthError(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

async function viaHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch('/api/call', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-kaoping-token': webToken() ?? '',
        'x-kaoping-session': session.get() ?? '',
      },
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

/** The Result as it is for the caller: an error throws ApiError, "not signed in" or "locked" switches the screen. */
export function unwrap<T>(result: Result<T>, channel: string): T {
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'SCREEN_LOCKED') {
      if (!channel.startsWith('auth.')) listeners.forEach((l) => l(result.error.code));
    }
    throw new ApiError(result.error);
  }
  return result.value;
}

/** The web host's upload endpoint: the file's bytes as the body, streamed by the browser from the disk. */
export async function uploadViaHttp(kind: string, file: File): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/upload?kind=${kind}&name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-kaoping-token': webToken() ?? '',
        'x-kaoping-session': session.get() ?? '',
      },
      body: file,
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '文件上传中断，请确认考评程序仍在运行后重新选择文件。' } };
  }
  try {
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `考评服务返回了无法识别的内容（HTTP ${res.status}）。` } };
  }
}

/** The desktop window's upload: the bytes through IPC, kept by the core just as the web host keeps them. */
export async function uploadViaBridge(kind: string, file: File): Promise<Result<unknown> | null> {
  const bridge = window.kaoping;
  if (!bridge) return null;
  return bridge.upload(kind, file.name, new Uint8Array(await file.arrayBuffer()), session.get() ?? undefined);
}

/** Calls a contract channel and unwraps its Result; an error Result throws ApiError. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = window.kaoping;
  const result = bridge
    ? await (bridge[channel] as (i: unknown, s?: string) => Promise<Result<unknown>>)(input, session.get() ?? undefined)
    : await viaHttp(channel, input);
  return unwrap(result, channel) as ChannelOutput<C>;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作未完成：发生了意外错误，请重试或联系系统管理员。';
}

/** Field errors from the core, ready for antd's form.setFields (antd types field names per form; ours are strings). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export function fieldErrors(e: unknown): any[] {
  if (!(e instanceof ApiError) || !e.error.fields) return [];
  return e.error.fields.filter((f) => f.path).map((f) => ({ name: f.path.split('.'), errors: [f.message] }));
}
