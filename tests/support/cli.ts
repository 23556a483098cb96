import { parseArgs } from '../../electron/hosts/args';
import { type CliIO, runCli } from '../../electron/hosts/cli-run';
import type { App } from '../../electron/services/app';
import { GOOD_PASSWORD } from './app';

/**
 * Runs the command line in-process against a started app, as a user would type it: what it printed to stdout and
 * stderr and its exit code. runCli closes the app it opens; it gets a view whose close is a no-op, so the test can
 * still inspect the app.
 */
export async function runCliOn(
  app: App,
  argv: string[],
  opts: { password?: string; confirm?: boolean } = {},
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    password: async () => opts.password ?? GOOD_PASSWORD,
    confirm: async () => opts.confirm ?? false,
  };
  const code = await runCli(
    parseArgs(argv),
    async () => Object.assign(Object.create(app) as App, { close: () => {} }),
    io,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
