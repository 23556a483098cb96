import readline from 'node:readline';
import type { CliIO } from './cli-run';

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

/** The terminal the command was typed in: stdout, stderr, a password prompt without echo, a yes/no question. */
export function terminalIO(env: NodeJS.ProcessEnv = process.env): CliIO {
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    password: async (username) => env.KAOPING_PASSWORD ?? ask(`${username} 的密码：`, true),
    confirm: async (q) =>
      process.stdin.isTTY ? /^(y|yes|是|确定)$/i.test((await ask(`${q}（输入“是”确认）`, false)).trim()) : false,
  };
}
