import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/static-files';
import { repoRoot } from '../../support/tmp';

// Electron's objects stand in as recorders: the options a window is made with, the handlers main installs
type Handler = (...args: unknown[]) => unknown;
const made: { options?: Record<string, unknown> } = {};
const appEvents = new Map<string, Handler>();
const session = { permission: undefined as Handler | undefined, check: undefined as Handler | undefined };
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      made.options = options;
    }
  },
  app: { on: (event: string, h: Handler) => appEvents.set(event, h) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: Handler) => (session.permission = h),
      setPermissionCheckHandler: (h: Handler) => (session.check = h),
      webRequest: { onHeadersReceived: () => {} },
    },
  },
}));
const { createMainWindow } = await import('../../../electron/main/window');
const { hardenApp, hardenSession } = await import('../../../electron/main/security');

describe('Electron window security', () => {
  it('isolates and sandboxes the renderer with no Node integration anywhere', () => {
    createMainWindow('/p.cjs');
    expect(made.options?.webPreferences).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // the remote module and experimental features are never asked for
    expect(made.options?.webPreferences).not.toHaveProperty('enableRemoteModule');
    expect(made.options?.webPreferences).not.toHaveProperty('experimentalFeatures');
  });

  it('refuses navigation away from the app, new windows, webviews and every permission', () => {
    hardenApp();
    const contents: Record<string, Handler> = {};
    let openHandler: Handler | undefined;
    appEvents.get('web-contents-created')!(
      {},
      {
        on: (event: string, h: Handler) => (contents[event] = h),
        setWindowOpenHandler: (h: Handler) => (openHandler = h),
      },
    );
    const attempt = (event: string, url?: string) => {
      const e = { prevented: false, preventDefault: () => (e.prevented = true) };
      contents[event]!(e, url);
      return e.prevented;
    };
    expect(attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://kaoping/index.html#/letters')).toBe(false);
    expect(attempt('will-attach-webview')).toBe(true);
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    hardenSession();
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal'])
      session.permission!({}, p, (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(session.check!({}, 'media')).toBe(false);
  });

  it('serves a strict CSP: own scripts only, no eval, no plugins, no framing, no outside connections', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [k, ...v] = d.trim().split(/\s+/);
        return [k!, v.join(' ')];
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });
});

describe('the preload bundle', () => {
  it('requires nothing but electron, as a sandboxed preload must', async () => {
    const { build } = await import('esbuild');
    // @ts-expect-error -- a build script without types
    const { targets } = (await import('../../../build/scripts/esbuild-targets.mjs')) as {
      targets: Record<string, object>;
    };
    const out = await build({
      ...targets.preload,
      write: false,
      sourcemap: false,
      absWorkingDir: repoRoot,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect([...code.matchAll(/require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).not.toContain('__filename');
  });
});
