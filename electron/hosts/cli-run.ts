import { channelNames, channels, roleLabels, roles, type Caller, type Role } from '../contract';
import type { App } from '../services/app';
import { flagString, type ParsedArgs } from './args';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const USAGE = `用法：
  kaoping call <功能> '<JSON 参数>' [--data-dir 目录] [--as 用户名] [--role 角色]
  kaoping channels            列出全部功能及允许的角色
角色：${roles.map((r) => `${r}（${roleLabels[r]}）`).join('、')}
开发时用 npm run cli -- call system.info '{}'`;

/** The caller the command line acts as (`--as`, `--role`); accounts will check it against users. */
export function cliCaller(args: ParsedArgs): Caller | string {
  const role = (flagString(args, 'role') ?? 'admin') as Role;
  if (!roles.includes(role)) return `未知角色“${role}”。可用角色：${roles.join('、')}`;
  return { userId: null, username: flagString(args, 'as') ?? '命令行', role };
}

/** Runs one command; returns the process exit code (0 ok, 1 refused or failed, 2 usage). */
export async function runCli(args: ParsedArgs, openApp: () => Promise<App>, io: CliIO): Promise<number> {
  const [command, channel, json] = args.positional;
  if (command === 'channels') {
    for (const name of channelNames) {
      const d = channels[name];
      io.out(`${name}\t${d.title}\t${d.writes ? '写' : '读'}\t${d.roles.map((r) => roleLabels[r]).join('、')}`);
    }
    return 0;
  }
  if (command !== 'call' || !channel) {
    io.err(USAGE);
    return 2;
  }
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch {
      io.err(`参数不是有效的 JSON：${json.slice(0, 80)}`);
      return 2;
    }
  }
  const caller = cliCaller(args);
  if (typeof caller === 'string') {
    io.err(caller);
    return 2;
  }
  const app = await openApp();
  try {
    const result = await app.call(caller, 'cli', channel, input);
    if (result.ok) {
      io.out(JSON.stringify(result.value, null, 2));
      return 0;
    }
    io.err(`失败（${result.error.code}）：${result.error.message}`);
    for (const f of result.error.fields ?? []) io.err(`  ${f.path || '(整体)'}：${f.message}`);
    return 1;
  } finally {
    app.close();
  }
}
