import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db';
import { exchangedTables } from '../../../db/schema/exchange';
import { migrationsUpTo } from '../../support/migrations';
import { seedOrg } from '../../support/seed';
import { migrationsFolder, tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const counts = (db: Database.Database) =>
  Object.fromEntries(
    (
      db
        .prepare(
          `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> ` +
            `'__drizzle_migrations'`,
        )
        .all() as { name: string }[]
    ).map((t) => [t.name, (db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n]),
  );

describe('the travelling-rows migration (0012) on a database an earlier release filled', () => {
  it(
    'keeps every row of every table, gives the calendar an owner and ' + 'UUIDs, and the letters well-formed UUIDs',
    async () => {
      const t = tempDir();
      cleanups.push(t.cleanup);
      const file = path.join(t.dir, 'k.db');
      const old = await openDatabase({ file, migrationsFolder: migrationsUpTo(t.dir, '0011_reply_attachments') });
      const db = old.sqlite;
      db.prepare(
        "insert into nodes (id, name, is_self, relation, created_at) values ('self-node', '本机', 1, 'self', 1)",
      ).run();
      seedOrg(db, { units: 20, people: 60 }, 'self-node');
      db.prepare(
        "insert into calendar_days (date, kind, note, updated_at, updated_by) values ('2026-10-01', 'holiday', '国庆'," +
          " 5, '管理员'), ('2026-10-10', 'workday', '', 6, '管理员')",
      ).run();
      db.prepare(
        `insert into documents (uuid, owner_node, version, kind, prefix, year, seq, number, title, subject, file_name,
        sha256, made_by, made_at)
       values ('d1', 'self-node', 1, 'letter', '示考评', 2026, 1, '示考评〔2026〕1号', '责任书', null, 'a.docx', 'ab', '李', 777)`,
      ).run();
      db.prepare(
        `insert into plans (uuid, owner_node, version, year, level, title, total_points, state, basis, period_start,
        period_end, created_at, updated_at)
       values ('p1', 'self-node', 1, 2026, 'county', '方案', 100, 'published', '', '2026-01-01', '2026-12-31', 1, 1)`,
      ).run();
      db.prepare(
        `insert into letters (uuid, owner_node, version, plan_id, unit_id, document_id, model, fingerprint, created_at,
        updated_at)
       values (lower(hex(randomblob(16))), 'self-node', 1, 1, 3, 1, '{}', 'f', 1, 1)`,
      ).run();
      const before = counts(db);
      db.close();

      const o = await openDatabase({ file, migrationsFolder });
      cleanups.push(() => o.sqlite.close());
      expect(o.preMigrationBackup).toEqual(expect.any(String));
      // every table the earlier release had keeps every row (later migrations may add tables of their own)
      const after = counts(o.sqlite);
      expect(Object.fromEntries(Object.keys(before).map((k) => [k, after[k]]))).toEqual(before);
      expect(o.sqlite.pragma('foreign_key_check')).toEqual([]);

      const cal = o.sqlite
        .prepare(
          'select date, uuid, owner_node as owner, version, created_at as c, updated_at as u, deleted_at as d from ' +
            'calendar_days order by date',
        )
        .all();
      expect(cal).toEqual([
        {
          date: '2026-10-01',
          uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
          owner: 'self-node',
          version: 1,
          c: 5,
          u: 5,
          d: null,
        },
        {
          date: '2026-10-10',
          uuid: expect.stringMatching(/^[0-9a-f]{8}-/),
          owner: 'self-node',
          version: 1,
          c: 6,
          u: 6,
          d: null,
        },
      ]);
      const letter = o.sqlite.prepare('select uuid from letters').get() as { uuid: string };
      expect(letter.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(o.sqlite.prepare('select created_at as c, updated_at as u from documents').get()).toEqual({
        c: 777,
        u: 777,
      });
      for (const table of exchangedTables) {
        const cols = (o.sqlite.prepare('select name from pragma_table_info(?)').all(table) as { name: string }[]).map(
          (c) => c.name,
        );
        expect(cols, table).toEqual(
          expect.arrayContaining(['uuid', 'owner_node', 'version', 'created_at', 'updated_at', 'deleted_at']),
        );
      }
    },
  );
});
