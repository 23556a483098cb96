import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_COMMANDS, commandLineArgs, type CommandLineHost, runCommandLine } from '../../../electron/hosts/cli-entry';
import type { CliIO } from '../../../electron/hosts/cli-run';
import { silentLogger } from '../../../electron/services/logger';
import { GOOD_PASSWORD, TEST_SCRYPT, addUser, anchorDirOf, testApp } from '../../support/app';
import { repoRoot, tempDir } from '../../support/tmp';

// What Electron's main process does for `kaoping.exe …`, run here in plain Node: commandLineArgs decides,
// runCommandLine opens the data folder, runs the command and returns the exit code main exits with.
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function dataFolderWithAdmin(): Promise<string> {
  const t = await testApp();
  await addUser(t.app, 'guanli', 'admin');
  await addUser(t.app, 'shenji', 'auditor');
  t.app.opened.sqlite.prepare("update users set locked = 1, failed_count = 10 where username = 'guanli'").run();
  t.app.close();
  cleanups.push(t.close);
  return t.dir;
}

async function asInstalled(argv: string[], dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    password: async () => GOOD_PASSWORD,
    confirm: async () => false,
  };
  const args = commandLineArgs(argv);
  if (!args) throw new Error(`${argv.join(' ')} would open the window`);
  const host: CommandLineHost = {
    dataDir,
    appRoot: repoRoot,
    io,
    startOptions: { log: silentLogger, scrypt: TEST_SCRYPT, anchorDir: anchorDirOf(dataDir) },
  };
  const code = await runCommandLine(args, host);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the installed program decides between its window and its command line', () => {
  it('runs a command only for a known command word, skipping --data-dir and switches', () => {
    expect(commandLineArgs(['unlock', 'guanli'])).toEqual(['unlock', 'guanli']);
    expect(commandLineArgs(['--data-dir', 'E:\\考评', 'backup', '--as', 'guanli'])).toEqual([
      'backup',
      '--as',
      'guanli',
    ]);
    // development: electron [switches] <app> …, as `electron . unlock guanli` and Playwright's launch give it
    expect(commandLineArgs(['--inspect=0', '.', 'unlock', 'guanli'], { appPathFirst: true })).toEqual([
      'unlock',
      'guanli',
    ]);
    expect(
      commandLineArgs(['--remote-debugging-port=0', 'dist/main/main.cjs', '--data-dir', '/d', '--no-sandbox'], {
        appPathFirst: true,
      }),
    ).toBeNull();
    expect(commandLineArgs(['--help'])).toEqual(['help']);
    for (const c of CLI_COMMANDS) expect(commandLineArgs([c])).not.toBeNull();
    // a double-click, a desktop entry's extra argument, a Chromium switch: the window
    expect(commandLineArgs([])).toBeNull();
    expect(commandLineArgs(['--no-sandbox'])).toBeNull();
    expect(commandLineArgs(['--data-dir', '/data'])).toBeNull();
    expect(commandLineArgs(['报告.docx'])).toBeNull();
  });
});

describe('kaoping.exe commands, through the entry main calls', () => {
  it('unlocks the only administrator without a password and records it', async () => {
    const dir = await dataFolderWithAdmin();
    const r = await asInstalled(['unlock', 'guanli'], dir);
    expect(r).toMatchObject({ code: 0, out: '已解除账号“guanli”的锁定，此操作已记入审计日志。' });
    expect((await asInstalled(['unlock', 'guanli'], dir)).out).toBe('账号“guanli”没有被锁定。');
  });

  it('backs up and verifies the audit trail as the named accounts', async () => {
    const dir = await dataFolderWithAdmin();
    await asInstalled(['unlock', 'guanli'], dir);
    const out = tempDir();
    cleanups.push(out.cleanup);
    const backup = await asInstalled(['backup', '--dir', out.dir, '--as', 'guanli'], dir);
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/^已备份并校验：/);
    expect(fs.readdirSync(out.dir).filter((f) => f.endsWith('.kpbak'))).toHaveLength(1);
    const audit = await asInstalled(['audit', 'verify', '--as', 'shenji'], dir);
    expect(audit.code).toBe(0);
    expect(audit.out).toMatch(/^审计日志完好：共 \d+ 条，链条完整。$/);
  });

  it('refuses to restore from a file that is not there, and one nobody confirmed', async () => {
    const dir = await dataFolderWithAdmin();
    await asInstalled(['unlock', 'guanli'], dir);
    const missing = await asInstalled(['restore', path.join(dir, 'no-such.kpbak'), '--as', 'guanli'], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^失败（[A-Z_]+）：.+/);
    const out = tempDir();
    cleanups.push(out.cleanup);
    await asInstalled(['backup', '--dir', out.dir, '--as', 'guanli'], dir);
    const file = path.join(out.dir, fs.readdirSync(out.dir)[0]!);
    const unconfirmed = await asInstalled(['restore', file, '--as', 'guanli'], dir);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toBe('已取消，未做任何改动。');
  });

  it('answers an incomplete exchange command with the usage, and prints the usage for help', async () => {
    const dir = await dataFolderWithAdmin();
    const r = await asInstalled(['exchange', 'export', '--as', 'guanli'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('kaoping exchange export --to <节点名称或编号> --dir <U盘目录>');
    const help = await asInstalled(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.out).toContain('kaoping unlock <用户名>');
    expect(help.out).toContain('kaoping.exe <命令>（不打开窗口）');
  });

  it('turns a data folder it cannot open into a Chinese message and exit 1, not a stack trace', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    fs.writeFileSync(path.join(t.dir, 'kaoping.db'), 'not a database at all');
    const r = await asInstalled(['unlock', 'guanli'], t.dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^考评命令行出错：/);
  });
});
