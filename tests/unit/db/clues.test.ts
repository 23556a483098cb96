import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, recordWriter } from '../../../db';
import { clueOfSource, cluesOfSources, fileClue, listClues, type NewClue } from '../../../db/repos/clues';
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
  return o.sqlite;
}

const complaint = (uuid: string | null): NewClue => ({
  sourceKind: uuid === null ? 'manual' : 'complaint',
  sourceUuid: uuid,
  sourceLabel: '投诉第3号',
  unitId: null,
  personId: null,
  summary: '窗口推诿，群众多次往返',
  receivedOn: '2026-11-30',
  createdBy: 'evaluator',
});

it('a record becomes one clue however often it is sent; the clue keeps its source, awaiting assessment', async () => {
  const db = await fresh();
  const file = (c: NewClue) => db.transaction(() => fileClue(db, recordWriter(db, 'self-node', 1), c))();
  const first = file(complaint('c-1'));
  const again = file(complaint('c-1'));
  expect(first.created).toBe(true);
  expect(again).toEqual({ id: first.id, created: false });
  const clue = clueOfSource(db, 'complaint', 'c-1')!;
  expect(clue).toMatchObject({ sourceLabel: '投诉第3号', state: 'pending', caseUuid: null });
  expect(clue.uuid).toMatch(/^[0-9a-f-]{36}$/);
  // clues entered by hand have no source: two of them are two clues
  file(complaint(null));
  file(complaint(null));
  expect(listClues(db)).toHaveLength(3);
  expect([...cluesOfSources(db, 'complaint', ['c-1', 'c-2']).keys()]).toEqual(['c-1']);
  expect(cluesOfSources(db, 'complaint', []).size).toBe(0);
});

it('a clue of an unknown source kind is refused by the database', async () => {
  const db = await fresh();
  const bad = { ...complaint('c-9'), sourceKind: 'gossip' } as unknown as NewClue;
  expect(() => fileClue(db, recordWriter(db, 'self-node', 1), bad)).toThrow(/CHECK constraint failed/);
  expect(listClues(db)).toHaveLength(0);
});
