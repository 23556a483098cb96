import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { recentAudit } from '../../../db/repos/audit';
import { GOOD_PASSWORD, addUser, testApp, type TestApp } from '../../support/app';
import { runCliOn } from '../../support/cli';
import { repoRoot } from '../../support/tmp';

let t: TestApp | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function setup() {
  t = await testApp();
  await addUser(t.app, 'guanli', 'admin');
  await addUser(t.app, 'shenji', 'auditor');
  await addUser(t.app, 'lingdao', 'leader');
}

async function run(argv: string[], opts: { password?: string; confirm?: boolean } = {}) {
  if (!t) await setup();
  return runCliOn(t!.app, argv, opts);
}

describe('the command line', () => {
  it('signs in as the named user, calls a channel and prints its value as JSON', async () => {
    const r = await run(['call', 'system.info', '{}', '--as', 'lingdao']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ transport: 'cli', caller: { username: 'lingdao', role: 'leader' } });
    // signed in, called, signed out: all on the trail
    expect(recentAudit(t!.app.opened.sqlite, 2).map((a) => a.action)).toEqual(['auth.logout', 'auth.login']);
  });

  it('writes as the named user, audited', async () => {
    const r = await run(['call', 'settings.update', '{"unitName":"丁县考评办"}', '--as', 'guanli']);
    expect(r.code).toBe(0);
    expect(recentAudit(t!.app.opened.sqlite, 2)[1]).toMatchObject({
      actor: 'guanli',
      role: 'admin',
      action: 'settings.update',
    });
  });

  it('refuses a wrong password with the same message as an unknown user, exit 1', async () => {
    const wrong = await run(['call', 'system.info', '{}', '--as', 'guanli'], { password: 'nope' });
    const unknown = await run(['call', 'system.info', '{}', '--as', 'nobody']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe('失败（UNAUTHENTICATED）：用户名或密码错误。');
    expect(unknown.err).toBe(wrong.err);
  });

  it('exits 1 with the Chinese message and the fields when the call is refused', async () => {
    const r = await run(['call', 'settings.update', '{"unitName":"丁县考评办"}', '--as', 'shenji']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('失败（FORBIDDEN）：“安全审计员”角色无权执行“修改系统设置”。');
    const bad = await run(['call', 'settings.update', '{"unitName":""}', '--as', 'guanli']);
    expect(bad.err).toContain('unitName：请填写本单位名称');
  });

  it('exits 2 with usage on bad JSON, a missing --as or no command', async () => {
    expect((await run(['call', 'system.info', '{oops', '--as', 'guanli'])).err).toMatch(/参数不是有效的 JSON/);
    expect((await run(['call', 'system.info', '{}'])).code).toBe(2);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/用法/);
  });

  it('verifies the audit trail as the auditor', async () => {
    const r = await run(['audit', 'verify', '--as', 'shenji']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^审计日志完好：共 \d+ 条，链条完整。$/);
    expect((await run(['audit', 'verify', '--as', 'guanli'])).err).toMatch(/无权执行“校验审计日志”/);
  });

  it('lists every channel with its roles', async () => {
    const r = await run(['channels']);
    expect(r.out).toMatch(/settings\.update\t修改系统设置\t写\t系统管理员/);
    expect(r.out).toMatch(/auth\.login\t登录\t写\t无需登录/);
  });

  it(
    'runs as a real process against a data folder given by flag, ' + 'reading the password from the environment',
    async () => {
      await setup();
      const { stdout } = await promisify(execFile)(
        path.join(repoRoot, 'node_modules/.bin/tsx'),
        ['electron/hosts/cli.ts', 'call', 'settings.get', '{}', '--as', 'guanli', '--data-dir', t!.dir],
        { cwd: repoRoot, env: { ...process.env, KAOPING_PASSWORD: GOOD_PASSWORD } },
      );
      expect(JSON.parse(stdout)).toMatchObject({ level: 'county', idleLockMinutes: 10 });
    },
  );

  it('refuses, in words and with exit code 1, a database whose structure was changed by hand', async () => {
    await setup();
    t!.app.opened.sqlite.exec('drop index people_name_idx');
    const e = (await promisify(execFile)(
      path.join(repoRoot, 'node_modules/.bin/tsx'),
      ['electron/hosts/cli.ts', 'audit', 'verify', '--as', 'shenji', '--data-dir', t!.dir],
      { cwd: repoRoot, env: { ...process.env, KAOPING_PASSWORD: GOOD_PASSWORD } },
    ).then(
      () => null,
      (x: unknown) => x,
    )) as { code: number; stdout: string; stderr: string };
    expect(e.code).toBe(1);
    expect(e.stdout).toBe('');
    expect(e.stderr).toMatch(
      /^考评命令行出错：数据库“kaoping\.db”的结构被人改动过，与本程序的数据结构不符（缺少索引 people_name_idx）。.*或联系技术支持。\n$/,
    );
  });
});

describe('the command line imports', () => {
  it('previews by default, names the broken rows, and writes only with --commit', async () => {
    await setup();
    await addUser(t!.app, 'kaoping', 'evaluator');
    const fixture = (n: string) => path.join(repoRoot, 'tests/fixtures/org', n);
    const preview = await run(['import', 'units', fixture('sample-units.xlsx'), '--as', 'kaoping']);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('新增 8，更新 0，不变 0，错误 0');
    expect(preview.out).toContain('以上为预览，未写入');
    expect(t!.app.opened.sqlite.prepare('select count(*) n from units').get()).toEqual({ n: 0 });
    const broken = await run(['import', 'units', fixture('broken-units.xlsx'), '--as', 'kaoping', '--commit']);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('第 5 行 BX-02：“上级单位代码”找不到单位代码为“NOPE”的单位（数据库和本文件中都没有）');
    expect(broken.err).toMatch(/未导入任何内容/);
    expect(t!.app.opened.sqlite.prepare('select count(*) n from units').get()).toEqual({ n: 0 });
    const done = await run(['import', 'units', fixture('sample-units.xlsx'), '--as', 'kaoping', '--commit']);
    expect(done.code).toBe(0);
    expect(t!.app.opened.sqlite.prepare('select count(*) n from units').get()).toEqual({ n: 8 });
  });
});

describe('the command line recovers a locked administrator on this PC', () => {
  it('unlocks a locked account and records it; says so when there is nothing to do', async () => {
    await setup();
    t!.app.opened.sqlite.prepare("update users set locked = 1, failed_count = 10 where username = 'guanli'").run();
    const r = await run(['unlock', 'guanli']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('已解除账号“guanli”的锁定，此操作已记入审计日志。');
    expect(recentAudit(t!.app.opened.sqlite, 1)[0]).toMatchObject({
      actor: '本机命令行（解锁）',
      action: 'users.unlock',
    });
    expect((await run(['unlock', 'guanli'])).out).toBe('账号“guanli”没有被锁定。');
    expect((await run(['unlock', 'nobody'])).code).toBe(1);
  });
});
