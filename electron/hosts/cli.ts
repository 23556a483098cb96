import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startApp } from '../services/app';
import { defaultDataDir, locateAppRoot, readAppVersion, resolveDataDir } from '../services/data-dir';
import { parseArgs } from './args';
import { type CliIO, runCli } from './cli-run';

function ask(question: string, hidden: boolean): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({
      input: process.stdin,
      output: process.stderr,
      terminal: process.stdin.isTTY,
    });
    if (hidden && process.stdin.isTTY) {
      // echo nothing while the password is typed
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(question)) process.stderr.write(question);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden && process.stdin.isTTY) process.stderr.write('\n');
      resolve(answer);
    });
  });
}

const io: CliIO = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  password: async (username) => process.env.KAOPING_PASSWORD ?? ask(`${username} 的密码：`, true),
  confirm: async (q) =>
    process.stdin.isTTY ? /^(y|yes|是|确定)$/i.test((await ask(`${q}（输入“是”确认）`, false)).trim()) : false,
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const root = locateAppRoot(path.dirname(fileURLToPath(import.meta.url)));
  const dataDir = resolveDataDir(
    process.argv,
    process.env,
    defaultDataDir(process.platform, process.env, os.homedir()),
  );
  return runCli(args, () => startApp({ dataDir, appRoot: root, appVersion: readAppVersion(root) }), io);
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
