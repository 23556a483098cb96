import { type StartOptions, startApp } from '../services/app';
import { DEMO_FLAG, readAppVersion } from '../services/data-dir';
import { parseArgs } from './args';
import { terminalIO } from './cli-io';
import { type CliIO, runCli } from './cli-run';

/** The first words that make a start a command-line run: the installed program then opens no window. */
export const CLI_COMMANDS = [
  'unlock',
  'backup',
  'restore',
  'audit',
  'exchange',
  'import',
  'letters',
  'call',
  'channels',
  'help',
] as const;

/**
 * The arguments of a command-line run, or null for a windowed start. `args` are what follows the executable;
 * in development (`electron [switches] <app folder> …`) the app folder comes first and is skipped. Only a known
 * command word counts: Chromium's switches, `--data-dir` and anything the desktop may append start the window.
 */
export function commandLineArgs(args: readonly string[], opts: { appPathFirst?: boolean } = {}): string[] | null {
  let skipAppPath = opts.appPathFirst ?? false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data-dir') i++;
    else if (a === '--help' || a === '-h') return ['help'];
    else if (a.startsWith('-')) continue;
    else if (skipAppPath) skipAppPath = false;
    else return (CLI_COMMANDS as readonly string[]).includes(a) ? args.slice(i) : null;
  }
  return null;
}

export interface CommandLineHost {
  /** The data folder, already resolved by the host (--data-dir, KAOPING_DATA_DIR, portable, default). */
  dataDir: string;
  /** `--demo`: the data folder is the demonstration one (see README 演示数据). */
  demo?: boolean;
  appRoot: string;
  /** better-sqlite3 built for the running runtime, where it is not the default one (Electron in development). */
  nativeBinding?: string;
  io?: CliIO;
  /** Tests give their own anchor folder, a quiet log and cheap hashing. */
  startOptions?: Partial<Omit<StartOptions, 'dataDir' | 'appRoot'>>;
}

/**
 * Runs one command as `kaoping …` (the Node command line) and `kaoping.exe …` (the installed program, from
 * Electron's main process) both do, and returns the exit code; never throws.
 */
export async function runCommandLine(args: readonly string[], host: CommandLineHost): Promise<number> {
  const io = host.io ?? terminalIO();
  try {
    return await runCli(
      parseArgs(args.filter((a) => a !== DEMO_FLAG)),
      () =>
        startApp({
          dataDir: host.dataDir,
          demo: host.demo,
          appRoot: host.appRoot,
          appVersion: readAppVersion(host.appRoot),
          nativeBinding: host.nativeBinding,
        }),
      io,
    );
  } catch (e) {
    io.err(`考评命令行出错：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
