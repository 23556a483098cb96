import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/hosts/args';
import { runCli } from '../../../electron/hosts/cli-run';
import { recentAudit } from '../../../db/repos/audit';
import { testApp, type TestApp } from '../../support/app';
import { repoRoot, tempDir } from '../../support/tmp';

let t: TestApp | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  t ??= await testApp();
  const app = t.app;
  // runCli closes the app it opens; hand it a view whose close is a no-op so the test can inspect it
  const code = await runCli(parseArgs(argv), async () => ({ ...app, close: () => {} }), {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the command line', () => {
  it('calls a channel and prints its value as JSON', async () => {
    const r = await run(['call', 'system.info', '{}', '--as', '李四', '--role', 'leader']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ transport: 'cli', caller: { username: '李四', role: 'leader' } });
  });

  it('writes as the named user, audited', async () => {
    const r = await run(['call', 'settings.update', '{"unitName":"丁县考评办"}', '--as', '王五']);
    expect(r.code).toBe(0);
    expect(recentAudit(t!.app.opened.sqlite, 1)[0]).toMatchObject({ actor: '王五', role: 'admin', action: 'settings.update' });
  });

  it('exits 1 with the Chinese message and the fields when the call is refused', async () => {
    const r = await run(['call', 'settings.update', '{"unitName":"丁县考评办"}', '--role', 'auditor']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('失败（FORBIDDEN）：“安全审计员”角色无权执行“修改基本设置”。');
    const bad = await run(['call', 'settings.update', '{"unitName":""}']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('unitName：请填写本单位名称');
  });

  it('exits 2 with usage on bad JSON, an unknown role or no command', async () => {
    expect((await run(['call', 'system.info', '{oops'])).err).toMatch(/参数不是有效的 JSON/);
    expect((await run(['call', 'system.info', '{}', '--role', 'root'])).code).toBe(2);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/用法/);
  });

  it('lists every channel with its roles', async () => {
    const r = await run(['channels']);
    expect(r.out).toMatch(/settings\.update\t修改基本设置\t写\t系统管理员/);
  });

  it('runs as a real process against a data folder given by flag', async () => {
    const d = tempDir();
    try {
      const { stdout } = await promisify(execFile)(
        path.join(repoRoot, 'node_modules/.bin/tsx'),
        ['electron/hosts/cli.ts', 'call', 'settings.update', '{"unitName":"戊县考评办","level":"county"}', '--data-dir', d.dir],
        { cwd: repoRoot },
      );
      expect(JSON.parse(stdout)).toEqual({ unitName: '戊县考评办', level: 'county' });
    } finally {
      d.cleanup();
    }
  });
});
