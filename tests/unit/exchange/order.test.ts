import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db';
import { exchangeOrder } from '../../../db/records-exchange';
import { exchangedTables } from '../../../db/schema/exchange';
import { migrationsFolder, tempDir } from '../../support/tmp';

const t = tempDir();
afterAll(() => t.cleanup());

describe('the order tables travel and import in', () => {
  it('has every exchanged table once, each after the tables it refers to (a new one fails here if not)', async () => {
    const o = await openDatabase({ file: path.join(t.dir, 'k.db'), migrationsFolder });
    try {
      const order = exchangeOrder(o.sqlite);
      expect(order.map((s) => s.table).sort()).toEqual([...exchangedTables].sort());
      const at = new Map(order.map((s, i) => [s.table as string, i]));
      for (const s of order)
        for (const [col, ref] of Object.entries(s.refs))
          if (ref !== s.table) expect(at.get(ref), `${s.table}.${col} → ${ref}`).toBeLessThan(at.get(s.table)!);
      // a reference to a table that does not travel could not be written at the other level
      for (const s of order) for (const ref of Object.values(s.refs)) expect(exchangedTables).toContain(ref);
    } finally {
      o.sqlite.close();
    }
  });
});
