import type Database from 'better-sqlite3';
import { RecordWriteError } from './errors';
import type { WriteGuard } from './records';
import { stmt } from './stmt-cache';
import type { ExchangedTable } from './schema/exchange';

/**
 * What a package down to one unit's installation (a department or township PC: a child node bound to a unit) carries:
 * per travelling table, the rows that concern the unit, as a condition on the row `t` for the unit's local id `u`.
 * 'all' is reference data every unit needs (the org list, the plan and its indicator tree, the calendar, the rule
 * tables). A table not listed here never goes down to a unit — a table added later stays at its level until someone
 * decides otherwise here. The conditions are closed under references: whatever a row sent refers to is sent too
 * (the targets a unit's notices and findings name, those targets' 责任领导, the documents of its letters and notices,
 * the meeting or audit a rectification item came from); tests/unit/exchange/unit-scope.test.ts checks it on a full
 * county and imports the result.
 *
 * Scores, 公示 and objections, case content, complaints, transfers and personnel assessment stay with the office.
 */
type Cond = 'all' | ((u: number) => string);

const rectificationsOf = (u: number) => `select * from rectifications where unit_id = ${u}`;
const noticesOf = (u: number) =>
  `select id from notices where unit_id = ${u} ` +
  `union select notice_id from (${rectificationsOf(u)}) where notice_id is not null ` +
  `union select notice_id from findings where unit_id = ${u} and notice_id is not null`;
const targetsOf = (u: number) =>
  `select id from targets where unit_id = ${u} ` +
  `union select target_id from notices where id in (${noticesOf(u)}) and target_id is not null ` +
  `union select target_id from findings where unit_id = ${u} and target_id is not null`;
const checksOf = (u: number) => `select check_id from findings where unit_id = ${u}`;
const meetingsOf = (u: number) => `select meeting_id from (${rectificationsOf(u)}) where meeting_id is not null`;
const auditsOf = (u: number) =>
  `select audit_finding_id from (${rectificationsOf(u)}) where audit_finding_id is not null`;
const peopleOf = (u: number) =>
  `select id from people where unit_id = ${u} ` +
  `union select leader_id from targets where id in (${targetsOf(u)}) and leader_id is not null ` +
  `union select person_id from notices where id in (${noticesOf(u)}) and person_id is not null ` +
  `union select person_id from audit_findings where id in (${auditsOf(u)}) and person_id is not null`;
const documentsOf = (u: number) =>
  `select document_id from letters where unit_id = ${u} and document_id is not null ` +
  `union select document_id from notices where id in (${noticesOf(u)}) and document_id is not null ` +
  `union select report_document_id from checks where id in (${checksOf(u)}) and report_document_id is not null ` +
  `union select document_id from joint_meetings where id in (${meetingsOf(u)}) and document_id is not null`;
const repliesOf = (u: number) => `select id from notice_replies where notice_id in (${noticesOf(u)})`;

export const unitScope: Partial<Record<ExchangedTable, Cond>> = {
  categories: 'all',
  units: 'all',
  people: (u) => `t.id in (${peopleOf(u)})`,
  person_posts: (u) => `t.person_id in (${peopleOf(u)})`,
  documents: (u) => `t.id in (${documentsOf(u)})`,
  plans: 'all',
  indicators: 'all',
  plan_scoring_rules: 'all',
  plan_reward_rules: 'all',
  calendar_days: 'all',
  rule_tables: 'all',
  rule_table_versions: 'all',
  targets: (u) => `t.id in (${targetsOf(u)})`,
  letters: (u) => `t.unit_id = ${u}`,
  progress_reports: (u) => `t.target_id in (select id from targets where unit_id = ${u})`,
  report_attachments: (u) =>
    `t.report_id in (select id from progress_reports where target_id in (select id from targets where unit_id = ${u}))`,
  report_reviews: (u) =>
    `t.report_id in (select id from progress_reports where target_id in (select id from targets where unit_id = ${u}))`,
  notices: (u) => `t.id in (${noticesOf(u)})`,
  notice_replies: (u) => `t.id in (${repliesOf(u)})`,
  reply_attachments: (u) => `t.reply_id in (${repliesOf(u)})`,
  rectifications: (u) => `t.unit_id = ${u}`,
  rectification_reports: (u) => `t.rectification_id in (select id from rectifications where unit_id = ${u})`,
  joint_meetings: (u) => `t.id in (${meetingsOf(u)})`,
  audit_findings: (u) => `t.id in (${auditsOf(u)})`,
  checks: (u) => `t.id in (${checksOf(u)})`,
  findings: (u) => `t.unit_id = ${u}`,
  approval_records: (u) => `t.unit_id = ${u}`,
  admin_costs: (u) => `t.unit_id = ${u}`,
  trainings: 'all',
  training_attendance: (u) => `t.person_id in (select id from people where unit_id = ${u})`,
};

/** The condition a package to the unit with local id `unitId` adds for `table`, or null when nothing goes. */
export function unitCondition(table: ExchangedTable, unitId: number): string | null {
  const c = unitScope[table];
  if (!c) return null;
  if (c === 'all') return '1';
  if (!Number.isSafeInteger(unitId)) throw new Error('unit id must be an integer');
  return c(unitId);
}

/**
 * What a unit's installation may send up: its progress reports and their evidence, its replies to notices and their
 * materials, its self-scores and office figures — each only for the unit itself. A row of any other table, or about
 * another unit, that would create or change something at the office is refused (a row matching one the office already
 * has, such as the default categories every installation starts with, changes nothing and passes).
 */
const reportsOf = (u: number) =>
  `select id from progress_reports where target_id in (select id from targets where unit_id = ${u})`;
const ownReplies = (u: number) =>
  `select id from notice_replies where notice_id in (select id from notices where unit_id = ${u})`;
export const unitUpScope: Partial<Record<ExchangedTable, (u: number) => string>> = {
  progress_reports: (u) => `t.target_id in (select id from targets where unit_id = ${u})`,
  report_attachments: (u) => `t.report_id in (${reportsOf(u)})`,
  notice_replies: (u) => `t.notice_id in (select id from notices where unit_id = ${u})`,
  reply_attachments: (u) => `t.reply_id in (${ownReplies(u)})`,
  rectification_reports: (u) => `t.rectification_id in (select id from rectifications where unit_id = ${u})`,
  score_entries: (u) => `t.unit_id = ${u}`,
  approval_records: (u) => `t.unit_id = ${u}`,
  admin_costs: (u) => `t.unit_id = ${u}`,
};

/** The condition a row from the unit's installation must meet, or null when the table is not the unit's to send. */
export function unitUpCondition(table: ExchangedTable, unitId: number): string | null {
  const c = unitUpScope[table];
  if (!c) return null;
  if (!Number.isSafeInteger(unitId)) throw new Error('unit id must be an integer');
  return c(unitId);
}

/** Whether the row `uuid` of `table` meets a scope condition (on `t`). */
export function rowWithin(sqlite: Database.Database, table: ExchangedTable, uuid: string, cond: string): boolean {
  return !!stmt(sqlite, `select 1 from "${table}" t where t.uuid = ? and (${cond})`).get(uuid);
}

/** This installation's unit when it is one unit's own PC (unit mode, set by its parent's package), else null. */
export const selfUnit = (sqlite: Database.Database) =>
  (stmt(
    sqlite,
    'select u.id, u.name from nodes n join units u on u.uuid = n.unit_uuid ' +
      'where n.is_self = 1 and n.unit_uuid is not null',
  ).get() as { id: number; name: string } | undefined) ?? null;

/**
 * What the write path checks on a unit's own PC: it writes only what it reports up (unitUpScope) and only about its
 * own unit. Everything else there came down from the office and is changed there: a plan, a target, a notice, a
 * calendar day written here would never go up, so it is refused before it is written (the office would refuse it
 * too). The local tables (accounts, settings, backups, the exchange's own) are not travelling rows and stay writable.
 */
export function unitWriteGuard(
  sqlite: Database.Database,
  unit: { id: number; name: string },
  label: (t: ExchangedTable) => string,
): WriteGuard {
  return (table, ids) => {
    const cond = unitUpCondition(table, unit.id);
    if (cond === null)
      throw new RecordWriteError(
        'UNIT_MODE',
        `本机是“${unit.name}”自己的电脑（单位模式），只填报本单位的进展及佐证、通知书回复及材料、自评和办件与成本数据；` +
          `“${label(table)}”由上级考评办办理，随数据包下发。`,
      );
    const within = stmt(sqlite, `select 1 from "${table}" t where t.id = ? and (${cond})`);
    for (const id of ids)
      if (!within.get(id))
        throw new RecordWriteError(
          'UNIT_MODE',
          `这条“${label(table)}”不属于“${unit.name}”；本机（单位模式）只能填报本单位的记录。`,
        );
  };
}
