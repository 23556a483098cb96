import fs from 'node:fs';
import path from 'node:path';

/**
 * Work files carry the id of the process writing them, so the next start can tell a file a killed
 * process left behind (a backup's plaintext database copy, a backup still called .partial) from one
 * another process on the same data folder (the command line beside the desktop app) is writing now.
 */
export const workTag = (what: string) => `${what}-${process.pid}-`;

const TAGGED = /^(?:backup|restore|uploads|body)-(\d+)-|\.(\d+)\.(?:partial|stage)$/;

/** Whether a process with this id runs (its own work files are never a leftover). */
export function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what a killed process left in the data folder: work folders under tmp/, unfinished
 * backups (*.partial) and a package import's staging files whose writer is gone. Untagged leftovers
 * of older versions go too. Returns what was removed, for the log.
 */
export function cleanLeftovers(dataDir: string): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, matches: (name: string) => boolean) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      if (!matches(name)) continue;
      const m = TAGGED.exec(name);
      const pid = m ? Number(m[1] ?? m[2]) : null;
      if (pid !== null && alive(pid)) continue;
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      removed.push(path.join(path.basename(dir), name));
    }
  };
  sweep(path.join(dataDir, 'tmp'), () => true);
  sweep(path.join(dataDir, 'backups'), (n) => n.endsWith('.partial'));
  // a package's decrypted body and staged attachments, left by an import the process did not live to finish
  sweep(path.join(dataDir, 'exchange-staging'), (n) => /^body-\d+-|\.\d+\.stage$/.test(n));
  return removed;
}
