import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from '../services/app';
import { defaultDataDir, locateAppRoot, readAppVersion, resolveDataDir } from '../services/data-dir';
import { parseArgs } from './args';
import { runCli } from './cli-run';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const root = locateAppRoot(path.dirname(fileURLToPath(import.meta.url)));
  const dataDir = resolveDataDir(process.argv, process.env, defaultDataDir(process.platform, process.env, os.homedir()));
  return runCli(args, () => startApp({ dataDir, appRoot: root, appVersion: readAppVersion(root) }), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`考评命令行出错：${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
