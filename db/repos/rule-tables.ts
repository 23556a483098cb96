import type Database from 'better-sqlite3';
import { ownedHere, type RecordWriter } from '../records';
import type { RuleRow, RuleTableKindName, RuleTableSpec } from '../../electron/vocab';

/** The editable rule tables and their versions (every edit a new version; old ones kept and readable). */

export interface RuleTableRecord {
  id: number;
  kind: string;
  name: string;
  currentVersion: number;
  /** False for a table received from another level: read here, edited only where it was made. */
  own: boolean;
  updatedAt: number;
}

export interface RuleVersionRecord {
  tableId: number;
  number: number;
  rows: RuleRow[];
  reason: string;
  editedBy: string;
  editedAt: number;
}

const tableCols = `t.id, t.kind, t.name, t.current_version as currentVersion, t.updated_at as updatedAt`;

function withOwner(db: Database.Database, rows: Omit<RuleTableRecord, 'own'>[]): RuleTableRecord[] {
  const own = ownedHere(
    db,
    'rule_tables',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, own: own.has(r.id) }));
}

/** Every table: this installation's own first, then those received from other levels. */
export function listRuleTables(db: Database.Database): RuleTableRecord[] {
  const rows = db
    .prepare(
      // kinds in the order they were first seeded (单位扣分规则 first), each kind's tables together
      `select ${tableCols} from rule_tables t where t.deleted_at is null ` +
        `order by (select min(x.id) from rule_tables x where x.kind = t.kind), t.id`,
    )
    .all() as Omit<RuleTableRecord, 'own'>[];
  return withOwner(db, rows).sort((a, b) => Number(b.own) - Number(a.own));
}

export function ruleTableById(db: Database.Database, id: number): RuleTableRecord | undefined {
  const r = db.prepare(`select ${tableCols} from rule_tables t where t.id = ? and t.deleted_at is null`).get(id) as
    Omit<RuleTableRecord, 'own'> | undefined;
  return r && withOwner(db, [r])[0];
}

/** This installation's own table of a kind (the one its scoring uses). */
export function ownRuleTable(db: Database.Database, kind: RuleTableKindName): RuleTableRecord | undefined {
  const rows = db
    .prepare(`select ${tableCols} from rule_tables t where t.kind = ? and t.deleted_at is null`)
    .all(kind) as Omit<RuleTableRecord, 'own'>[];
  return withOwner(db, rows).find((r) => r.own);
}

type VersionRow = Omit<RuleVersionRecord, 'rows'> & { rows: string };
const versionCols = `table_id as tableId, number, rows, reason, edited_by as editedBy, edited_at as editedAt`;
const versionOf = (r: VersionRow): RuleVersionRecord => ({ ...r, rows: JSON.parse(r.rows) as RuleRow[] });

export function ruleTableVersion(db: Database.Database, tableId: number, n: number): RuleVersionRecord | undefined {
  const r = db
    .prepare(`select ${versionCols} from rule_table_versions where table_id = ? and number = ? and deleted_at is null`)
    .get(tableId, n) as VersionRow | undefined;
  return r && versionOf(r);
}

/** Every version of a table, the newest first. */
export const ruleTableVersions = (db: Database.Database, tableId: number): RuleVersionRecord[] =>
  (
    db
      .prepare(
        `select ${versionCols} from rule_table_versions where table_id = ? and deleted_at is null order by number desc`,
      )
      .all(tableId) as VersionRow[]
  ).map(versionOf);

/** Writes the next version of a table and makes it the one in force; returns its number. */
export function addRuleTableVersion(
  w: RecordWriter,
  table: Pick<RuleTableRecord, 'id' | 'currentVersion'>,
  v: { rows: RuleRow[]; reason: string; editedBy: string },
): number {
  const number = table.currentVersion + 1;
  w.insert('rule_table_versions', {
    table_id: table.id,
    number,
    rows: JSON.stringify(v.rows),
    reason: v.reason,
    edited_by: v.editedBy,
    edited_at: w.now,
  });
  w.update('rule_tables', table.id, { current_version: number });
  return number;
}

/** Puts in the kinds this installation has no table of yet, each at version 1 with its default rows. */
export function seedRuleTables(
  db: Database.Database,
  w: RecordWriter,
  specs: Record<RuleTableKindName, RuleTableSpec>,
  names: Record<RuleTableKindName, string>,
): void {
  db.transaction(() => {
    for (const kind of Object.keys(specs) as RuleTableKindName[]) {
      if (ownRuleTable(db, kind)) continue;
      const id = w.insert('rule_tables', { kind, name: names[kind], current_version: 1 });
      w.insert('rule_table_versions', {
        table_id: id,
        number: 1,
        rows: JSON.stringify(specs[kind].defaults),
        reason: '初始规则',
        edited_by: '系统',
        edited_at: w.now,
      });
    }
  })();
}
