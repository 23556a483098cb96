import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db';
import { DB_FILE } from '../../electron/services/app';
import { migrationsFolder, tempDir } from './tmp';

/**
 * A database migrated once per run and copied into each fresh data folder, so a test starts on
 * an up-to-date schema and startApp finds nothing to migrate. It holds the schema only: the
 * installation's own node, categories and everything else are written by startApp per folder,
 * so two test apps are still two installations. Tests of migrating itself open from scratch.
 */
export const TEMPLATE_ENV = 'KAOPING_TEST_TEMPLATE_DB';

/** SHA-256 over the committed migrations (names and contents): the template's key. */
export function migrationsHash(folder = migrationsFolder): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else h.update(path.relative(folder, p)).update('\0').update(fs.readFileSync(p)).update('\0');
    }
  };
  walk(folder);
  return h.digest('hex').slice(0, 16);
}

/** Migrates an empty database in `dir`; its name carries the migrations' hash. */
export async function makeTemplateDb(dir: string): Promise<string> {
  const file = path.join(dir, `template-${migrationsHash()}.db`);
  const opened = await openDatabase({ file, migrationsFolder });
  // closing the last connection checkpoints the WAL into the file, so the file alone is the copy
  opened.sqlite.close();
  return file;
}

let lazy: Promise<string> | null = null;
let ownName: string | null = null;

/** The run's template: the one the vitest global setup made, else one made once for this process. */
export function templateDb(): Promise<string> {
  const given = process.env[TEMPLATE_ENV];
  ownName ??= `template-${migrationsHash()}.db`;
  if (given && path.basename(given) === ownName && fs.existsSync(given)) return Promise.resolve(given);
  lazy ??= (() => {
    const t = tempDir('kaoping-template-');
    process.once('exit', () => t.cleanup());
    return makeTemplateDb(t.dir);
  })();
  return lazy;
}

/** Puts a migrated, otherwise empty database into a new data folder. */
export async function seedDataDir(dir: string): Promise<void> {
  fs.copyFileSync(await templateDb(), path.join(dir, DB_FILE));
}
