import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, DbOpenError, openDatabase } from '../../../db';
import { withExtraMigration } from '../../support/migrations';
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

async function expectOpenError(p: Promise<unknown>, code: DbOpenError['code'], text: RegExp) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DbOpenError);
  expect((e as DbOpenError).code).toBe(code);
  expect((e as DbOpenError).message).toMatch(text);
}

describe('openDatabase', () => {
  it('creates a new database with WAL, synchronous=FULL, foreign keys on and our application id', async () => {
    const file = path.join(dir(), 'k.db');
    const o = await openDatabase({ file, migrationsFolder });
    expect(o.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(o.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(o.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(o.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(o.schemaVersion).toBe(fs.readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).length);
    expect(o.preMigrationBackup).toBeNull();
    o.sqlite.close();
  });

  it('reopens an up-to-date database without a backup and keeps its rows', async () => {
    const d = dir();
    const file = path.join(d, 'k.db');
    const a = await openDatabase({ file, migrationsFolder });
    seedOrg(a.sqlite, { units: 20, people: 50 });
    a.sqlite.close();
    const b = await openDatabase({ file, migrationsFolder });
    expect(b.preMigrationBackup).toBeNull();
    expect(b.sqlite.prepare('select count(*) n from people').get()).toEqual({ n: 50 });
    b.sqlite.close();
    expect(fs.existsSync(path.join(d, 'backups'))).toBe(false);
  });

  it('backs an existing database up with the backup API before migrating it', async () => {
    const d = dir();
    const file = path.join(d, 'k.db');
    const a = await openDatabase({ file, migrationsFolder });
    seedOrg(a.sqlite, { units: 10, people: 30 });
    a.sqlite.close();
    const next = withExtraMigration(d, '9001_add_note', 'ALTER TABLE `units` ADD `note` text;');
    const b = await openDatabase({ file, migrationsFolder: next });
    expect(b.preMigrationBackup).toMatch(/升级前-v\d+-.*\.db$/);
    expect(b.sqlite.prepare("select count(*) n from pragma_table_info('units') where name='note'").get()).toEqual({
      n: 1,
    });
    b.sqlite.close();
    // the backup is a complete database at the old version, with the data
    const bak = new Database(b.preMigrationBackup!, { readonly: true });
    expect(bak.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(bak.prepare('select count(*) n from people').get()).toEqual({ n: 30 });
    expect(bak.prepare("select count(*) n from pragma_table_info('units') where name='note'").get()).toEqual({ n: 0 });
    bak.close();
  });

  it('refuses a database written by a newer build and leaves the file untouched', async () => {
    const d = dir();
    const file = path.join(d, 'k.db');
    const a = await openDatabase({ file, migrationsFolder });
    a.sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('f'.repeat(64), 9e15);
    a.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    a.sqlite.close();
    const before = sha(file);
    await expectOpenError(openDatabase({ file, migrationsFolder }), 'NEWER_SCHEMA', /更新版本.*请升级程序/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database and does not change it', async () => {
    const file = path.join(dir(), 'k.db');
    fs.writeFileSync(file, '单位名称,代码\n示例局,001\n');
    const before = sha(file);
    await expectOpenError(openDatabase({ file, migrationsFolder }), 'NOT_A_DATABASE', /不是考评系统的数据库/);
    expect(sha(file)).toBe(before);
  });

  it("refuses another program's SQLite database", async () => {
    const file = path.join(dir(), 'other.db');
    const other = new Database(file);
    other.exec('create table notes (id integer primary key, body text); insert into notes (body) values (1);');
    other.close();
    await expectOpenError(openDatabase({ file, migrationsFolder }), 'FOREIGN_DATABASE', /其他程序的数据库/);
  });

  it('rolls a failing migration back whole, data and schema as before', async () => {
    const d = dir();
    const file = path.join(d, 'k.db');
    const a = await openDatabase({ file, migrationsFolder });
    seedOrg(a.sqlite, { units: 5, people: 5 });
    a.sqlite.close();
    const next = withExtraMigration(
      d,
      '9002_broken',
      'ALTER TABLE `units` ADD `x` text;--> statement-breakpoint\nTHIS IS NOT SQL;',
    );
    await expectOpenError(openDatabase({ file, migrationsFolder: next }), 'MIGRATION_FAILED', /升级失败，已撤销/);
    const b = await openDatabase({ file, migrationsFolder });
    expect(b.sqlite.prepare("select count(*) n from pragma_table_info('units') where name='x'").get()).toEqual({
      n: 0,
    });
    expect(b.sqlite.prepare('select count(*) n from units').get()).toEqual({ n: 5 });
    b.sqlite.close();
  });
});
