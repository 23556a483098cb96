import { type ChannelName, type Result, channelNames, channels, roleLabels } from '../contract';
import type { App, CallOptions } from '../services/app';
import { findUserByName } from '../../db/repos/users';
import { flagString, type ParsedArgs } from './args';
import { LETTERS_USAGE, lettersCommand } from './cli-letters';
import { EXCHANGE_USAGE, exchangeCommand } from './cli-exchange';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Asks for the password (environment variable KAOPING_PASSWORD, else a prompt without echo). */
  password(username: string): Promise<string>;
  /** Asks a yes/no question; false when nobody can answer. */
  confirm(question: string): Promise<boolean>;
}

export const USAGE = `用法：
  kaoping call <功能> '<JSON 参数>' --as <用户名>   调用任一功能（见 kaoping channels）
  kaoping backup [--dir 目录] --as <管理员>          立即备份
  kaoping restore <备份文件> --as <管理员> [--yes]   检查并从备份恢复（先自动备份当前数据）
  kaoping audit verify --as <审计员> [--anchor 序号:校验值]
                                                     校验审计日志是否被改动；--anchor 核对纸质检查点
  kaoping import units|people <文件.xlsx> --as <考评员> [--commit]
                                                     导入单位或人员：默认只预览，加 --commit 才写入
${LETTERS_USAGE}
${EXCHANGE_USAGE}
  kaoping unlock <用户名>                            在本机解除被锁定的账号（例如唯一的系统管理员被锁）
  kaoping channels                                   列出全部功能及允许的角色
  kaoping help                                       显示本说明
通用选项：--data-dir 目录。密码从环境变量 KAOPING_PASSWORD 读取，未设置时提示输入。
安装后的程序同样可用：kaoping.exe <命令>（不打开窗口）；开发时用 npm run cli -- <命令>。`;

type Call = (channel: ChannelName, input: unknown, opts?: CallOptions) => Promise<Result<unknown>>;

function printError(io: CliIO, r: Extract<Result<unknown>, { ok: false }>): void {
  io.err(`失败（${r.error.code}）：${r.error.message}`);
  for (const f of r.error.fields ?? []) io.err(`  ${f.path || '(整体)'}：${f.message}`);
}

async function withSession(
  args: ParsedArgs,
  app: App,
  io: CliIO,
  run: (call: Call) => Promise<number>,
): Promise<number> {
  const username = flagString(args, 'as');
  if (!username) {
    io.err('请用 --as <用户名> 指定以哪个账号操作。');
    return 2;
  }
  const password = await io.password(username);
  const login = await app.call(null, 'cli', 'auth.login', { username, password });
  if (!login.ok) {
    printError(io, login);
    return 1;
  }
  const sessionId = (login.value as { sessionId: string }).sessionId;
  try {
    return await run((channel, input, opts) => app.call(sessionId, 'cli', channel, input, opts));
  } finally {
    await app.call(sessionId, 'cli', 'auth.logout', {});
  }
}

async function show(
  io: CliIO,
  r: Result<unknown>,
  render: (v: never) => string = (v) => JSON.stringify(v, null, 2),
): Promise<number> {
  if (!r.ok) {
    printError(io, r);
    return 1;
  }
  io.out(render(r.value as never));
  return 0;
}

interface ImportOut {
  rows: { row: number; key: string; status: string; messages: { column: string; message: string }[] }[];
  counts: { create: number; update: number; same: number; error: number };
  notices: string[];
}

function printImport(io: CliIO, v: ImportOut): void {
  for (const n of v.notices) io.out(`注意：${n}`);
  for (const r of v.rows.filter((x) => x.status === 'error')) {
    io.out(
      `第 ${r.row} 行 ${r.key}：${r.messages.map((m) => (m.column ? `“${m.column}”${m.message}` : m.message)).join('；')}`,
    );
  }
  io.out(`新增 ${v.counts.create}，更新 ${v.counts.update}，不变 ${v.counts.same}，错误 ${v.counts.error}`);
}

/** Runs one command; returns the process exit code (0 done, 1 refused or failed, 2 usage). */
export async function runCli(args: ParsedArgs, openApp: () => Promise<App>, io: CliIO): Promise<number> {
  const [command, a1, a2] = args.positional;
  if (command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command === 'channels') {
    for (const name of channelNames) {
      const d = channels[name];
      const who = d.access === 'public' ? '无需登录' : d.roles.map((r) => roleLabels[r]).join('、');
      io.out(`${name}\t${d.title}\t${d.writes ? '写' : '读'}\t${who}`);
    }
    return 0;
  }
  if (command === 'unlock' && a1) {
    // recovery on this PC: whoever can run this can read the data folder anyway; the trail records it
    const app = await openApp();
    try {
      const u = findUserByName(app.opened.db, a1);
      if (!u) {
        io.err(`没有用户名为“${a1}”的账号。`);
        return 1;
      }
      if (!u.locked) {
        io.out(`账号“${a1}”没有被锁定。`);
        return 0;
      }
      const r = await app.callAs(
        { userId: null, username: '本机命令行（解锁）', role: 'admin' },
        'cli',
        'users.unlock',
        { id: u.id },
      );
      return show(io, r, () => `已解除账号“${a1}”的锁定，此操作已记入审计日志。`);
    } finally {
      app.close();
    }
  }
  let job: ((call: Call) => Promise<number>) | null = null;
  if (command === 'call' && a1) {
    let input: unknown = {};
    if (a2 !== undefined) {
      try {
        input = JSON.parse(a2);
      } catch {
        io.err(`参数不是有效的 JSON：${a2.slice(0, 80)}`);
        return 2;
      }
    }
    job = async (call) => show(io, await call(a1 as ChannelName, input));
  } else if (command === 'backup') {
    const dir = flagString(args, 'dir');
    job = async (call) =>
      show(
        io,
        await call('backup.create', dir ? { dir } : {}),
        (v: { file: string; sizeBytes: number }) =>
          `已备份并校验：${v.file}（${(v.sizeBytes / 1024 / 1024).toFixed(1)} MB）`,
      );
  } else if (command === 'restore' && a1) {
    job = async (call) => {
      const info = await call('backup.inspect', { file: a1 });
      if (!info.ok) return show(io, info);
      const v = info.value as {
        createdAt: number;
        unitName: string;
        schemaVersion: number;
        counts: Record<string, number>;
        sameInstallation: boolean;
      };
      io.out(
        `备份时间：${new Date(v.createdAt).toLocaleString('zh-CN')}，单位：${v.unitName || '（未设置）'}，数据结构版本：${v.schemaVersion}`,
      );
      io.out(
        `内容：${
          Object.entries(v.counts)
            .filter(([, n]) => n > 0)
            .map(([t, n]) => `${t} ${n} 条`)
            .join('，') || '（空）'
        }`,
      );
      if (
        !args.flags.has('yes') &&
        !(await io.confirm('恢复将替换本机当前全部数据（当前数据会先自动备份）。确定恢复吗？'))
      ) {
        io.err('已取消，未做任何改动。');
        return 1;
      }
      return show(
        io,
        await call('backup.restore', { file: a1, confirm: true }),
        (r: { safetyBackup: string }) => `已恢复。恢复前的数据已备份到：${r.safetyBackup}。所有用户需要重新登录。`,
      );
    };
  } else if (command === 'import' && (a1 === 'units' || a1 === 'people') && a2) {
    const kind = a1;
    const file = a2;
    job = async (call) => {
      let bytes: Buffer;
      try {
        bytes = (await import('node:fs')).readFileSync(file);
      } catch {
        io.err(`无法读取文件“${file}”。`);
        return 1;
      }
      const input = { fileName: file.split(/[\\/]/).pop()!, base64: bytes.toString('base64') };
      const commit = args.flags.has('commit');
      const r = await call(commit ? `${kind}.import` : `${kind}.importPreview`, input);
      if (!r.ok) {
        const preview = commit ? await call(`${kind}.importPreview`, input) : null;
        if (preview?.ok) printImport(io, preview.value as ImportOut);
        return show(io, r);
      }
      printImport(io, r.value as ImportOut);
      if (!commit)
        io.out(
          (r.value as ImportOut).counts.error > 0
            ? '有错误，修改文件后重新预览。'
            : '以上为预览，未写入。确认无误后加 --commit 导入。',
        );
      else io.out('已导入。');
      return (r.value as ImportOut).counts.error > 0 ? 1 : 0;
    };
  } else if (command === 'exchange') {
    job = exchangeCommand(args, io);
  } else if (command === 'letters' && a1 === 'generate') {
    job = lettersCommand(args, io);
  } else if (command === 'audit' && a1 === 'verify') {
    const anchor = flagString(args, 'anchor');
    const m = anchor === undefined ? null : /^(\d+):([0-9a-fA-F\s]+)$/.exec(anchor.trim());
    if (anchor !== undefined && !m) {
      io.err('--anchor 的格式应为 序号:校验值，例如 --anchor 1024:3f9a0c1e5b7d2a48（校验值至少 16 位）');
      return 2;
    }
    const checkpoints = m ? [{ seq: Number(m[1]), hash: m[2]! }] : [];
    job = async (call) => {
      const r = await call('audit.verify', { checkpoints });
      if (!r.ok) return show(io, r);
      const v = r.value as {
        ok: boolean;
        count: number;
        broken: { message: string } | null;
        losses: { message: string; recordedAt: number | null }[];
        anchorsChecked: number;
      };
      if (v.ok) io.out(`审计日志完好：共 ${v.count} 条，链条完整。`);
      if (v.broken) io.err(`审计日志被改动：${v.broken.message}（此前 ${v.count} 条完好）`);
      for (const l of v.losses) {
        const when = l.recordedAt
          ? `（${new Date(l.recordedAt).toLocaleString('zh-CN', { hour12: false })} 发现）`
          : '';
        io.err(`${l.message}${when}`);
      }
      return v.ok ? 0 : 3; // a broken or shortened chain fails scripts too
    };
  }
  if (!job) {
    io.err(USAGE);
    return 2;
  }
  const app = await openApp();
  try {
    return await withSession(args, app, io, job);
  } finally {
    app.close();
  }
}
