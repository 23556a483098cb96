import path from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, recordWriter, RecordWriteError } from '../../../db';
import { exchangedTables } from '../../../db/schema/exchange';
import * as schema from '../../../db/schema';
import { sourceFiles } from '../../support/sources';
import { migrationsFolder, tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function fresh() {
  const t = tempDir();
  const o = await openDatabase({ file: path.join(t.dir, 'k.db'), migrationsFolder });
  cleanups.push(() => {
    o.sqlite.close();
    t.cleanup();
  });
  o.sqlite
    .prepare("insert into nodes (id, name, is_self, relation, created_at) values ('self-node', '本机', 1, 'self', 0)")
    .run();
  o.sqlite
    .prepare(
      "insert into nodes (id, name, is_self, relation, created_at) values ('city-node', '示例市考评办', 0, 'parent', 0)",
    )
    .run();
  return o.sqlite;
}

type Row = {
  id: number;
  uuid: string;
  owner_node: string;
  version: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
};
const row = (db: Awaited<ReturnType<typeof fresh>>, table: string, id: number) =>
  db.prepare(`select * from ${table} where id = ?`).get(id) as Row & Record<string, unknown>;

describe('the one write path for travelling rows', () => {
  it('gives a new row a UUID, this node as owner, version 1 and both timestamps', async () => {
    const db = await fresh();
    const id = recordWriter(db, 'self-node', 1000).insert('categories', { name: '政府工作部门', sort_order: 1 });
    expect(row(db, 'categories', id)).toMatchObject({
      owner_node: 'self-node',
      version: 1,
      created_at: 1000,
      updated_at: 1000,
      deleted_at: null,
    });
    expect(row(db, 'categories', id).uuid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('raises the version once per call however often the call changes the row, and keeps UUID and owner', async () => {
    const db = await fresh();
    const id = recordWriter(db, 'self-node', 1000).insert('categories', { name: '甲', sort_order: 1 });
    const before = row(db, 'categories', id);
    const call = recordWriter(db, 'self-node', 2000);
    call.update('categories', id, { name: '乙' });
    call.update('categories', id, { sort_order: 5 });
    call.touch('categories', id);
    expect(row(db, 'categories', id)).toMatchObject({
      name: '乙',
      sort_order: 5,
      version: 2,
      updated_at: 2000,
      uuid: before.uuid,
      owner_node: 'self-node',
    });
    recordWriter(db, 'self-node', 3000).update('categories', id, { name: '丙' });
    expect(row(db, 'categories', id)).toMatchObject({ version: 3, updated_at: 3000, created_at: 1000 });
  });

  it(
    'turns a removal into a tombstone that keeps the row, and a natural ' + 'key brings it back as the same record',
    async () => {
      const db = await fresh();
      const w = recordWriter(db, 'self-node', 1000);
      w.upsert('calendar_days', { date: '2026-10-01' }, { kind: 'holiday', note: '国庆', updated_by: '管理员' });
      const id = (db.prepare("select id from calendar_days where date = '2026-10-01'").get() as { id: number }).id;
      expect(recordWriter(db, 'self-node', 2000).remove('calendar_days', { date: '2026-10-01' })).toBe(1);
      expect(row(db, 'calendar_days', id)).toMatchObject({ deleted_at: 2000, version: 2 });
      // removing again finds no live row
      expect(recordWriter(db, 'self-node', 2500).remove('calendar_days', { date: '2026-10-01' })).toBe(0);
      const back = recordWriter(db, 'self-node', 3000).upsert(
        'calendar_days',
        { date: '2026-10-01' },
        { kind: 'workday', note: '', updated_by: '管理员' },
      );
      expect(back).toBe(id);
      expect(row(db, 'calendar_days', id)).toMatchObject({ deleted_at: null, version: 3, kind: 'workday' });
      // a removed category's name is free again
      const c = w.insert('categories', { name: '垂直管理单位' });
      recordWriter(db, 'self-node', 4000).remove('categories', c);
      expect(() => recordWriter(db, 'self-node', 5000).insert('categories', { name: '垂直管理单位' })).not.toThrow();
    },
  );

  it('refuses to change or remove a row another level owns, naming that level, and changes nothing', async () => {
    const db = await fresh();
    const id = recordWriter(db, 'city-node', 1000).insert('categories', { name: '市定类别' });
    const before = JSON.stringify(row(db, 'categories', id));
    const w = recordWriter(db, 'self-node', 2000);
    for (const attempt of [
      () => w.update('categories', id, { name: '改' }),
      () => w.remove('categories', id),
      () => w.touch('categories', id),
    ]) {
      expect(attempt).toThrow(RecordWriteError);
      expect(attempt).toThrow('这条记录由上级“示例市考评办”建立和维护，本机不能修改或删除');
    }
    expect(JSON.stringify(row(db, 'categories', id))).toBe(before);
    const unknown = recordWriter(db, 'somewhere-else-node', 1000).insert('categories', { name: '外来' });
    expect(() => w.update('categories', unknown, { name: '改' })).toThrow('其他级别（节点 somewher）');
  });

  it('lets nobody set the columns it owns, nor name a column that does not exist', async () => {
    const db = await fresh();
    const w = recordWriter(db, 'self-node', 1000);
    for (const col of ['uuid', 'owner_node', 'version', 'created_at', 'updated_at', 'deleted_at', 'id']) {
      expect(() => w.insert('categories', { name: 'x', [col]: 1 }), col).toThrow('written by the write path only');
    }
    expect(() => w.insert('categories', { name: 'x', 'name; drop table units': 1 })).toThrow('has no column');
    expect(() => w.update('categories', {}, { name: 'x' })).toThrow('empty match');
  });
});

/** Source files that may name the write path's columns: the write path itself, the schema and the migrations. */
const EXEMPT = [/^db\/records\.ts$/, /^db\/records-exchange\.ts$/, /^db\/schema\//, /^db\/migrations\//];

const sources = () => sourceFiles(['electron', 'db', 'renderer'], (f) => EXEMPT.some((r) => r.test(f)));

describe('nothing else writes travelling rows', () => {
  const tables = exchangedTables.join('|');
  const drizzleNames = Object.entries(schema)
    .filter(([, v]) => is(v, SQLiteTable) && (exchangedTables as readonly string[]).includes(getTableName(v)))
    .map(([k]) => k)
    .join('|');
  const forbidden: [string, RegExp][] = [
    [
      'SQL that writes an exchanged table',
      new RegExp(
        `\\b(insert\\s+(or\\s+\\w+\\s+)?into|update|delete\\s+from|replace\\s+into)\\s+["\`]?(${tables})\\b`,
        'i',
      ),
    ],
    ['drizzle writes to an exchanged table', new RegExp(`\\.(insert|update|delete)\\(\\s*(${drizzleNames})\\s*\\)`)],
    ['a hand-raised version', /version\s*=\s*version\s*\+/i],
    ['a UUID made in SQL', /randomblob/i],
    ['the owner column named outside the write path', /owner_node/],
  ];

  it('finds the drizzle names of the exchanged tables (the check below would pass vacuously otherwise)', () => {
    expect(drizzleNames.split('|').length).toBe(exchangedTables.length);
  });

  it.each(forbidden)('no %s in electron/, db/ or renderer/ outside db/records.ts', (_what, pattern) => {
    const hits = sources()
      .flatMap(({ file, text }) => text.split('\n').map((line, i) => ({ file, line: i + 1, text: line })))
      .filter((l) => pattern.test(l.text))
      .map((l) => `${l.file}:${l.line}: ${l.text.trim().slice(0, 120)}`);
    expect(hits).toEqual([]);
  });

  it('the pattern really catches a hand-written write (so an empty list above means something)', () => {
    const sample = "ctx.sqlite.prepare('update notice_replies set review_note = ? where id = ?').run(n, id);";
    expect(forbidden[0]![1].test(sample)).toBe(true);
    expect(forbidden[2]![1].test('set version = version + 1')).toBe(true);
    expect(forbidden[1]![1].test('db.delete(calendarDays)')).toBe(true);
  });
});
