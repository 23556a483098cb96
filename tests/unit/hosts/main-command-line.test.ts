import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_DIR_ENV } from '../../../electron/services/audit-anchors';
import { addUser, anchorDirOf, testApp } from '../../support/app';
import { repoRoot } from '../../support/tmp';

// Electron's real main bundle, run by plain Node with a stand-in for the electron module: it must take a command
// straight to the command line and exit with its code, never reaching the window, the lock or app.whenReady.
const outDir = path.join(repoRoot, '.cache', 'test-main');
const mainFile = path.join(outDir, 'main.cjs');
const stub = path.join(repoRoot, 'tests/support/electron-stub.cjs');

beforeAll(async () => {
  // @ts-expect-error -- a build script without types
  const { targets } = (await import('../../../build/scripts/esbuild-targets.mjs')) as {
    targets: Record<string, object>;
  };
  await build({ ...targets.main, outfile: mainFile, sourcemap: false, absWorkingDir: repoRoot, logLevel: 'silent' });
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

async function electronMain(args: string[], dataDir = path.join(outDir, 'none')) {
  try {
    const r = await promisify(execFile)(process.execPath, ['--require', stub, mainFile, ...args], {
      env: { ...process.env, STUB_PACKAGED: '0', [ANCHOR_DIR_ENV]: anchorDirOf(dataDir) },
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe("Electron's main process with command-line arguments", () => {
  it('unlocks an account and exits 0 without a window', async () => {
    const t = await testApp();
    try {
      await addUser(t.app, 'guanli', 'admin');
      t.app.opened.sqlite.prepare("update users set locked = 1 where username = 'guanli'").run();
      t.app.close();
      const r = await electronMain(['unlock', 'guanli', '--data-dir', t.dir], t.dir);
      expect(r.err).not.toContain('ELECTRON_STUB');
      expect(r).toMatchObject({ code: 0, out: '已解除账号“guanli”的锁定，此操作已记入审计日志。\n' });
    } finally {
      t.close();
    }
  });

  it('answers an incomplete exchange command with its usage and exit 2', async () => {
    const r = await electronMain(['exchange', 'export']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('kaoping exchange export --to <节点名称或编号> --dir <U盘目录>');
  });

  it('without a command word goes on to the windowed start', async () => {
    const r = await electronMain(['--no-sandbox']);
    expect(r.code).toBe(99);
    expect(r.err).toContain('ELECTRON_STUB: protocol.registerSchemesAsPrivileged (the windowed start)');
  });
});
