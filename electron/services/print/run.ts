import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { detectTools } from './detect';
import { type PrintPlan, printPlan } from './plan';

const RUN_TIMEOUT_MS = 120_000;

function run(command: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, args, { windowsHide: true, timeout: RUN_TIMEOUT_MS }, (err, stdout) =>
      resolve(err ? null : String(stdout)),
    );
  });
}

const isFile = (f: string) => {
  try {
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
};

/**
 * The desktop host's printer: finds Word/WPS, plans, and runs the steps one after another (the order is the
 * batch's). A failed step stops the rest and says which file; 'pdf' is returned for the host to print the preview.
 */
export function systemPrinter(platform: NodeJS.Platform, env: Record<string, string | undefined>) {
  return async (files: string[]): Promise<{ plan: PrintPlan; error: string }> => {
    const plan = printPlan(files, { platform, tools: await detectTools({ platform, env, run, isFile }) });
    for (const [i, step] of plan.steps.entries()) {
      if (step.detached) {
        spawn(step.command, step.args, { detached: true, stdio: 'ignore' })
          .on('error', () => {})
          .unref();
        continue;
      }
      if ((await run(step.command, step.args)) === null)
        return { plan, error: `第 ${i + 1} 份（${files[i]}）未能交给打印程序` };
    }
    return { plan, error: '' };
  };
}
