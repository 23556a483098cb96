import Database from 'better-sqlite3';
import { loadMigrations } from '../../db/migrate';
import { buildExpectedSchema, checkSchema } from '../../db/selfcheck';
import { migrationsFolder } from '../support/tmp';
import { time } from './stats';

const REPEAT = 10;

/** The start self-check's cost on `file` (a full database): the expected schema built, then compared. */
export async function benchSelfCheck(report: (name: string, samples: number[]) => void, file: string): Promise<void> {
  const migrations = loadMigrations(migrationsFolder);
  const build: number[] = [];
  for (let i = 0; i < REPEAT; i++) build.push((await time(() => buildExpectedSchema(migrations)))[0]);
  report('self-check: expected schema from the migrations', build);
  const sqlite = new Database(file);
  const compare: number[] = [];
  const opts = { file, now: Date.now };
  for (let i = 0; i < REPEAT; i++) compare.push((await time(() => checkSchema(sqlite, migrations, opts)))[0]);
  sqlite.close();
  report('self-check: compared, full database (warm)', compare);
}
