import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { DbOpenError, openDatabase } from '../../../db';
import { loadMigrations } from '../../../db/migrate';
import { rebuildPeopleSql, withExtraMigration } from '../../support/migrations';
import { seedOrg } from '../../support/seed';
import { migrationsFolder, tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function populated(): Promise<{ dir: string; file: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'k.db');
  const o = await openDatabase({ file, migrationsFolder });
  seedOrg(o.sqlite, { units: 30, people: 200 });
  o.sqlite.close();
  return { dir: t.dir, file };
}

const count = (db: Database.Database, table: string) =>
  (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

describe('a table-rebuild migration over an ON DELETE CASCADE relation', () => {
  it('keeps every child row (person_posts → people) and the new column arrives', async () => {
    const { dir, file } = await populated();
    const next = withExtraMigration(dir, '9003_rebuild_people', rebuildPeopleSql);
    const o = await openDatabase({ file, migrationsFolder: next });
    expect(count(o.sqlite, 'people')).toBe(200);
    expect(count(o.sqlite, 'person_posts')).toBe(200);
    expect(o.sqlite.prepare("select count(*) n from pragma_table_info('people') where name='remark'").get()).toEqual({
      n: 1,
    });
    expect(o.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(o.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // the cascade still works after the rebuild
    o.sqlite.prepare('delete from people where id = 1').run();
    expect(count(o.sqlite, 'person_posts')).toBe(199);
    o.sqlite.close();
  });

  it("is the hazard the guard exists for: drizzle's stock migrator wipes the children", async () => {
    const { dir, file } = await populated();
    const next = withExtraMigration(dir, '9003_rebuild_people', rebuildPeopleSql);
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    migrate(drizzle(raw), { migrationsFolder: next });
    expect(count(raw, 'people')).toBe(200);
    expect(count(raw, 'person_posts')).toBe(0);
    raw.close();
  });

  it('rolls back a migration that would leave rows pointing nowhere', async () => {
    const { dir, file } = await populated();
    const next = withExtraMigration(dir, '9004_orphan', 'DELETE FROM `units` WHERE `id` > 20;');
    const e = await openDatabase({ file, migrationsFolder: next }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DbOpenError);
    expect((e as DbOpenError).message).toMatch(/升级被撤销.*关联失效/);
    const o = await openDatabase({ file, migrationsFolder });
    expect(count(o.sqlite, 'units')).toBe(30);
    expect(o.schemaVersion).toBe(loadMigrations(migrationsFolder).length);
    o.sqlite.close();
  });
});
