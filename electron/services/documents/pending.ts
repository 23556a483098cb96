import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../attachments';
import { alive } from '../leftovers';

/**
 * A document's file before its register entry commits: `.<file name>.<pid>-<random>.pending` in the folder it will
 * be registered in. It gets its name only after the commit. If the process dies between the commit and the rename,
 * the next start finds the pending file by the name it carries and gives it that name, once its content is proved
 * to be the one registered (recoverPendingDocuments); a pending file nothing registered is removed.
 */
export const pendingPath = (outDir: string, fileName: string): string =>
  path.join(outDir, `.${fileName}.${process.pid}-${randomUUID().slice(0, 8)}.pending`);

const PENDING = /^\.(.+\.docx)\.(\d+)-[0-9a-f]{8}\.pending$/;
/** An older version's pending name (`.<uuid>.pending`): no name to recover it to. */
const OLD_PENDING = /^\.[0-9a-f-]{36}\.pending$/;

/** Writes and fsyncs a pending file without blocking the main thread (the disk work runs on libuv's pool). */
export async function writePending(file: string, bytes: Uint8Array): Promise<void> {
  const fh = await fs.promises.open(file, 'wx');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * At start: each pending file a dead process left is named as registered when the register holds its name with its
 * SHA-256 and no file has that name yet; otherwise it is removed. Returns what was done, for the log.
 */
export function recoverPendingDocuments(
  dataDir: string,
  registered: { kind: string; year: number; fileName: string; sha256: string }[],
): string[] {
  const root = path.join(dataDir, 'documents');
  if (!fs.existsSync(root)) return [];
  const expected = new Map(registered.map((d) => [path.join(d.kind, String(d.year), d.fileName), d.sha256]));
  const done: string[] = [];
  for (const kind of fs.readdirSync(root)) {
    const kindDir = path.join(root, kind);
    if (!fs.statSync(kindDir).isDirectory()) continue;
    for (const year of fs.readdirSync(kindDir)) {
      const dir = path.join(kindDir, year);
      if (!fs.statSync(dir).isDirectory()) continue;
      let renamed = false;
      for (const name of fs.readdirSync(dir)) {
        const m = PENDING.exec(name);
        if (!m && !OLD_PENDING.test(name)) continue;
        if (m && alive(Number(m[2]))) continue;
        const file = path.join(dir, name);
        const target = m ? path.join(dir, m[1]!) : null;
        const sha = m ? expected.get(path.join(kind, year, m[1]!)) : undefined;
        if (
          target &&
          sha &&
          !fs.existsSync(target) &&
          createHash('sha256').update(fs.readFileSync(file)).digest('hex') === sha
        ) {
          fs.renameSync(file, target);
          renamed = true;
          done.push(`named ${path.join(kind, year, m![1]!)}`);
        } else {
          fs.rmSync(file, { force: true });
          done.push(`removed ${path.join(kind, year, name)}`);
        }
      }
      if (renamed) fsyncDir(dir);
    }
  }
  return done;
}
