import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/web-preferences';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/static-files';
import { repoRoot } from '../../support/tmp';

describe('Electron window security', () => {
  it('isolates and sandboxes the renderer with no Node integration anywhere', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
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
