import type Database from 'better-sqlite3';
import { AppError } from '../../contract';
import type { GradeLimitRule, QuotaRule } from '../../core/staff-assessment';
import { ruleTableKind, type RuleTableKindName } from '../../vocab';
import { ownRuleTable, ruleTableVersion } from '../../../db/repos/rule-tables';

/** The rule table of a kind in force here: its rows, id, version and how a refusal names it. */
function inForce<R>(db: Database.Database, kind: RuleTableKindName) {
  const t = ownRuleTable(db, kind);
  const v = t && ruleTableVersion(db, t.id, t.currentVersion);
  if (!t || !v) throw new AppError('RULE_VIOLATION', `缺少规则表“${ruleTableKind.label(kind)}”，请重新启动程序。`);
  return {
    tableId: t.id,
    version: t.currentVersion,
    rows: v.rows as unknown as R[],
    label: `规则表“${t.name}”第 ${t.currentVersion} 版`,
  };
}

export const gradeLimitRules = (db: Database.Database) => inForce<GradeLimitRule>(db, 'staff_grade_limits');
export const excellentQuotaRules = (db: Database.Database) => inForce<QuotaRule>(db, 'staff_excellent_quota');
