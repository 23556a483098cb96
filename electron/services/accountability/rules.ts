import type Database from 'better-sqlite3';
import { type RuleRow, ruleTableKind } from '../../vocab';
import { ownRuleTable, ruleTableVersion } from '../../../db/repos/rule-tables';
import { rulesInForce } from '../scoring/rule-table';

/**
 * The accountability rule tables a decision reads: the version in force when it is made, and afterwards always the
 * version it stored (an edit of the table never changes an earlier decision).
 */

export type AccountabilityKind = 'accountability_forms' | 'appeal_windows';

export interface RulesVersion {
  version: number;
  rows: RuleRow[];
  /** 问责方式及影响期第 2 版 */
  title: string;
}

export function rulesNow(sqlite: Database.Database, kind: AccountabilityKind): RulesVersion {
  const r = rulesInForce(sqlite, kind);
  return { version: Number(r.version), rows: r.rows, title: r.title };
}

/** A stored version of this installation's table of the kind (versions never change once written). */
export function rulesOfVersion(sqlite: Database.Database, kind: AccountabilityKind, n: number): RulesVersion {
  const t = ownRuleTable(sqlite, kind);
  const v = t && ruleTableVersion(sqlite, t.id, n);
  if (!t || !v) throw new Error(`rule table ${kind} version ${n} missing`);
  const name = t.name || ruleTableKind.label(kind);
  return { version: n, rows: v.rows, title: `${name}第 ${n} 版` };
}
