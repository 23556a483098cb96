import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import yauzl from 'yauzl';
import { sealFile } from '../../electron/services/backup/seal';

export type ManifestLike = {
  db: { sha256: string; size: number };
  documents: { path: string; sha256: string; size: number }[];
};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * What a forger with the file format in hand does: copies a backup entry by entry, letting `change` alter entries
 * (and the manifest), then fixes the manifest's hashes of the database and seals the file as the app does.
 */
export async function rewriteBackup(
  from: string,
  to: string,
  change: (name: string, bytes: Buffer, manifest: ManifestLike) => Buffer,
): Promise<void> {
  const entries = new Map<string, Buffer>();
  const zip = await new Promise<yauzl.ZipFile>((ok, ko) =>
    yauzl.open(from, { lazyEntries: true }, (e, z) => (e ? ko(e) : ok(z!))),
  );
  await new Promise<void>((ok, ko) => {
    zip.on('end', ok);
    zip.on('error', ko);
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (e, s) => {
        if (e) return ko(e);
        const chunks: Buffer[] = [];
        s!.on('data', (c: Buffer) => chunks.push(c));
        s!.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      }),
    );
    zip.readEntry();
  });
  const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as ManifestLike;
  for (const [name, bytes] of entries) if (name !== 'manifest.json') entries.set(name, change(name, bytes, manifest));
  const db = entries.get('kaoping.db')!;
  manifest.db = { sha256: sha(db), size: db.length };
  entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  const out = new yazl.ZipFile();
  for (const [name, bytes] of entries) out.addBuffer(bytes, name);
  out.end({ comment: '0'.repeat(64), forceZip64Format: false });
  await new Promise<void>((ok, ko) => out.outputStream.pipe(fs.createWriteStream(to)).on('close', ok).on('error', ko));
  await sealFile(to);
}

/** Edits a backup's database with plain SQLite, as someone with a SQLite tool would; returns the new bytes. */
export function editDatabase(bytes: Buffer, edit: (db: Database.Database) => void): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-forge-'));
  try {
    const file = path.join(dir, 'kaoping.db');
    fs.writeFileSync(file, bytes);
    const db = new Database(file);
    try {
      edit(db);
    } finally {
      db.close();
    }
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
