import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db';
import { exchangedTables, localTables } from '../../../db/schema/exchange';
import { migrationsFolder, repoRoot, tempDir } from '../../support/tmp';

const SNAPSHOT = path.join(repoRoot, 'tests', 'fixtures', 'schema.sql');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function freshSchema(): Promise<{ sql: string; tables: string[]; columns: (t: string) => string[] }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const o = await openDatabase({ file: path.join(t.dir, 'k.db'), migrationsFolder });
  const rows = o.sqlite
    .prepare(
      `select type, name, sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by type,` +
        ` name`,
    )
    .all() as { type: string; name: string; sql: string }[];
  const tables = rows.filter((r) => r.type === 'table' && r.name !== '__drizzle_migrations').map((r) => r.name);
  const columns = (table: string) =>
    (o.sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
  const result = { sql: rows.map((r) => `${r.sql};`).join('\n\n') + '\n', tables, columns };
  cleanups.push(() => o.sqlite.close());
  return result;
}

describe('schema', () => {
  it('all migrations on an empty database give the committed schema snapshot', async () => {
    const { sql } = await freshSchema();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, sql);
    expect(sql).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it(
    'every table is declared exchanged or local, and every exchanged ' + 'one carries the write path’s columns',
    async () => {
      const { tables, columns } = await freshSchema();
      const declared = new Set<string>([...exchangedTables, ...localTables]);
      expect(tables.filter((t) => !declared.has(t))).toEqual([]);
      for (const t of exchangedTables) {
        expect(columns(t), t).toEqual(
          expect.arrayContaining(['uuid', 'owner_node', 'version', 'created_at', 'updated_at', 'deleted_at']),
        );
      }
    },
  );

  it('the drizzle schema files and the committed migrations agree (drizzle-kit finds nothing to generate)', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const out = path.join(t.dir, 'migrations');
    fs.cpSync(migrationsFolder, out, { recursive: true });
    const config = path.join(t.dir, 'drizzle.config.json');
    // drizzle-kit prefixes './' to these paths, so they must be relative to the working folder
    fs.writeFileSync(
      config,
      JSON.stringify({ dialect: 'sqlite', schema: './db/schema/index.ts', out: path.relative(repoRoot, out) }),
    );
    const before = fs.readdirSync(out).sort();
    const printed = execFileSync(
      path.join(repoRoot, 'node_modules/.bin/drizzle-kit'),
      ['generate', '--config', config],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(printed).toContain('No schema changes');
    expect(fs.readdirSync(out).sort(), printed).toEqual(before);
  });
});
