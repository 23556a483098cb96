import type Database from 'better-sqlite3';
import { type RuleRow, ruleTableKind, type RuleTableKindName } from '../../vocab';
import { ownRuleTable, ruleTableVersion } from '../../../db/repos/rule-tables';
import type { RuleTableVersion } from './sources';

/** The version of this installation's own table of a kind in force now, with its rows, for a source to count with. */
export interface RulesInForce extends RuleTableVersion {
  rows: RuleRow[];
  /** 单位扣分规则第 2 版: how the table is named wherever a point it made is shown. */
  title: string;
}

export function rulesInForce(sqlite: Database.Database, kind: RuleTableKindName): RulesInForce {
  const t = ownRuleTable(sqlite, kind);
  const v = t && ruleTableVersion(sqlite, t.id, t.currentVersion);
  // seeded on every start (services/app.ts): missing only in a database no app has opened
  if (!t || !v) throw new Error(`rule table ${kind} missing`);
  const name = t.name || ruleTableKind.label(kind);
  return { name, version: String(v.number), rows: v.rows, title: `${name}第 ${v.number} 版` };
}

/** A row of the table by its code (the rows a source reads cannot be deleted: contract ruleRowsSchema). */
export function ruleRow(rules: RulesInForce, code: string): RuleRow {
  const row = rules.rows.find((r) => r.code === code);
  if (!row) throw new Error(`${rules.title} has no row ${code}`);
  return row;
}
