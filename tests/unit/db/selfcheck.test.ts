import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DbOpenError, openDatabase } from '../../../db';
import { loadMigrations } from '../../../db/migrate';
import { expectedSchema, normalizeSql, schemaObjects } from '../../../db/selfcheck';
import { migrationTags, migrationsUpTo } from '../../support/migrations';
import { seedOrg } from '../../support/seed';
import { migrationsFolder, tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** A closed, migrated database file with a few rows, and a raw connection's worth of hand edits applied. */
async function editedDb(sql: string): Promise<string> {
  const file = path.join(dir(), 'k.db');
  const o = await openDatabase({ file, migrationsFolder });
  seedOrg(o.sqlite, { units: 3, people: 5 });
  o.sqlite.close();
  const raw = new Database(file);
  raw.exec(sql);
  raw.close();
  return file;
}

async function refusal(file: string): Promise<DbOpenError> {
  const e = await openDatabase({ file, migrationsFolder }).then(
    (o) => {
      o.sqlite.close();
      return null;
    },
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DbOpenError);
  expect((e as DbOpenError).code).toBe('SCHEMA_ALTERED');
  return e as DbOpenError;
}

describe('the schema the start self-check expects', () => {
  it('is what the same migrations left in a database upgraded one release at a time, text for text', async () => {
    const d = dir();
    const file = path.join(d, 'k.db');
    for (const [i, tag] of migrationTags().entries()) {
      const o = await openDatabase({ file, migrationsFolder: migrationsUpTo(d, tag) });
      expect(o.selfCheck, tag).toBeNull();
      // rows in every release, so the rebuilds and added columns run on a populated database
      if (i === 0)
        o.sqlite
          .prepare("insert into nodes (id, name, is_self, relation, created_at) values ('n', '本机', 1, 'self', 1)")
          .run();
      if (i === 1) seedOrg(o.sqlite, { units: 5, people: 12 }, 'n');
      o.sqlite.close();
    }
    const upgraded = new Database(file, { readonly: true });
    cleanups.push(() => upgraded.close());
    const raw = (objects: { type: string; name: string; tblName: string; sql: string }[]) =>
      objects.map(({ type, name, tblName, sql }) => ({ type, name, tblName, sql }));
    expect(raw(schemaObjects(upgraded))).toEqual(raw(expectedSchema(loadMigrations(migrationsFolder))));
  });

  it('compares CREATE text by its tokens: spacing, quoting and case do not count, string literals do', () => {
    const a = "CREATE TABLE `t` (\n\t`id` integer PRIMARY KEY NOT NULL, `k` text DEFAULT 'A' -- note\n)";
    expect(normalizeSql(a)).toBe(
      normalizeSql('create table "T" ("id" INTEGER primary key not null,k TEXT default \'A\')'),
    );
    expect(normalizeSql(a)).toBe(
      normalizeSql("CREATE TABLE [t] ( [id] integer PRIMARY KEY NOT NULL , `k` text DEFAULT 'A')"),
    );
    expect(normalizeSql(a)).not.toBe(normalizeSql(a.replace("'A'", "'a'")));
    expect(normalizeSql(a)).not.toBe(normalizeSql(a.replace('NOT NULL', '')));
  });
});

describe('opening a database whose structure was changed by hand', () => {
  it('refuses a dropped index, names it, and leaves the file as it was', async () => {
    const file = await editedDb('drop index people_name_idx; drop trigger audit_log_no_delete;');
    const before = sha(file);
    const e = await refusal(file);
    expect(e.message).toMatch(/^数据库“k\.db”的结构被人改动过，与本程序的数据结构不符（缺少索引 people_name_idx）。/);
    expect(e.message).toMatch(/数据未改动。请从改动之前的备份恢复.*或联系技术支持。$/);
    expect(sha(file)).toBe(before);
  });

  it('refuses an added column and a dropped one, naming the table and the columns', async () => {
    const e = await refusal(
      await editedDb('alter table people add column 备注二 text; alter table units drop column short_name;'),
    );
    expect(e.message).toContain('表 people 多出列 备注二');
    expect(e.message).toContain('表 units 缺少列 short_name');
  });

  it('refuses a table, view or index someone added, and a changed index', async () => {
    const e = await refusal(
      await editedDb(
        'create table notes (x); create view v_people as select * from people; drop index people_name_idx; ' +
          'create index people_name_idx on people (name, post);',
      ),
    );
    expect(e.message).toContain('多出表 notes');
    expect(e.message).toContain('多出视图 v_people');
    expect(e.message).toContain('索引 people_name_idx 的定义被改动');
  });

  it('accepts what SQLite adds on its own: ANALYZE statistics, a VACUUM', async () => {
    const file = await editedDb('analyze; vacuum;');
    const o = await openDatabase({ file, migrationsFolder });
    cleanups.push(() => o.sqlite.close());
    expect(o.sqlite.prepare("select count(*) n from sqlite_master where name = 'sqlite_stat1'").get()).toEqual({
      n: 1,
    });
    expect(o.selfCheck).toBeNull();
  });
});
