import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../support/sources';
import { repoRoot } from '../../support/tmp';

/**
 * STYLE.md: db/ holds the repositories, "the only code that writes SQL". A handler reads as check,
 * call core, call repos, return; so nothing under electron/ prepares a statement, builds a drizzle
 * query on a database handle, or imports drizzle-orm to build one.
 */

const patterns: { name: string; re: RegExp }[] = [
  { name: 'a prepared SQL statement', re: /\.\s*prepare\s*\(/g },
  {
    name: 'a drizzle query on a database handle',
    re: /\bdb\s*\.\s*(?:select|selectDistinct|insert|update|delete|query|run|all|get|values)\b\s*[(.]/g,
  },
  { name: 'drizzle-orm imported to build a query', re: /\bfrom\s+['"]drizzle-orm(?:\/[^'"]*)?['"]/g },
];

/**
 * What may match outside db/ and why: each entry is a file and the exact text there. An entry whose
 * text is gone fails the last test, so the list never keeps an exception nobody needs.
 */
const allowed: { file: string; text: string; reason: string }[] = [
  {
    file: 'electron/services/dispatcher.ts',
    text: 'entry.prepare(ctx',
    reason:
      'the first (outside-the-transaction) step of a two-phase handler, `prepared(prepare, commit)` in handler.ts;' +
      ' no SQL',
  },
];

/** Every match in the text as `line: code`, with the pattern's name. */
function offences(text: string): { line: number; code: string; what: string }[] {
  const lines = text.split('\n');
  const out: { line: number; code: string; what: string }[] = [];
  for (const p of patterns) {
    for (const m of text.matchAll(p.re)) {
      const line = text.slice(0, m.index).split('\n').length;
      out.push({ line, code: lines[line - 1]!.trim(), what: p.name });
    }
  }
  return out;
}

const isAllowed = (file: string, code: string) => allowed.some((a) => a.file === file && code.includes(a.text));

describe('SQL lives in db/ only', () => {
  it('the patterns catch SQL written in a handler, and leave ordinary code alone', () => {
    const caught = [
      "const u = ctx.sqlite.prepare('select id from units where id = ?').get(id);",
      'const rows = sqlite\n    .prepare(\n      `select * from letters`,\n    )\n    .all();',
      'if (!ctx.db.select({ id: units.id }).from(units).where(eq(units.id, unitId)).get()) return;',
      'ctx.db\n    .insert(backups)\n    .values(row)\n    .run();',
      'current.db.delete(backups).where(eq(backups.id, old.id)).run();',
      'const all = db.query.users.findMany();',
      "import { desc, eq } from 'drizzle-orm';",
      "import { sqliteTable } from 'drizzle-orm/sqlite-core';",
    ];
    for (const sample of caught) expect(offences(sample), sample).not.toEqual([]);
    const fine = [
      'prep = await somethingElse(ctx, input);',
      'this.byId.delete(id);',
      "createHash('sha256').update(bytes).digest('hex');",
      "const own = readSetting<number | null>(ctx.db, 'ownUnitId', null);",
      'const { db, sqlite } = app.database();',
      'const u = unitById(ctx.sqlite, input.unitId);',
      '  prepare(ctx: HandlerContext, input: In<C>): Promise<P>;',
    ];
    for (const sample of fine) expect(offences(sample), sample).toEqual([]);
    expect(offences('const a = 1;\nconst n = sqlite.prepare(sql).get();')[0]).toMatchObject({
      line: 2,
      what: 'a prepared SQL statement',
    });
  });

  it('no file under electron/ prepares a statement or builds a query (db/repos does)', () => {
    const files = sourceFiles(['electron']);
    // the scan reads the code it guards
    expect(files.map((f) => f.file)).toContain('electron/services/handlers/notices.ts');
    const found: string[] = [];
    for (const { file, text } of files) {
      for (const o of offences(text)) {
        if (!isAllowed(file, o.code)) found.push(`${file}:${o.line} ${o.what}: ${o.code}`);
      }
    }
    expect(found, 'move these into the area’s module in db/repos and call it from here').toEqual([]);
  });

  it('every exception is still needed, and says why', () => {
    for (const a of allowed) {
      expect(a.reason.length, a.file).toBeGreaterThan(20);
      expect(
        fs.readFileSync(path.join(repoRoot, a.file), 'utf8'),
        `${a.file} no longer contains ${a.text}: drop the exception`,
      ).toContain(a.text);
    }
  });
});
