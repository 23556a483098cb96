import type Database from 'better-sqlite3';
import type { CostFigures } from '../../electron/core';
import type { RecordWriter } from '../records';

/** 审批效率 and 行政成本 rows (db/schema/efficiency.ts); writes go through the one write path. */

export interface ApprovalRecord {
  id: number;
  unitId: number;
  caseNo: string;
  item: string;
  acceptedOn: string;
  completedOn: string | null;
  legalDays: number;
  promisedDays: number | null;
  note: string | null;
  updatedAt: number;
}

const approvalCols = `id, unit_id as unitId, case_no as caseNo, item, accepted_on as acceptedOn,
  completed_on as completedOn, legal_days as legalDays, promised_days as promisedDays, note, updated_at as updatedAt`;

/** The live cases accepted in [from, to]. */
export function approvalsBetween(db: Database.Database, from: string, to: string): ApprovalRecord[] {
  return db
    .prepare(
      `select ${approvalCols} from approval_records
       where accepted_on between ? and ? and deleted_at is null order by unit_id, accepted_on, case_no`,
    )
    .all(from, to) as ApprovalRecord[];
}

/** The live cases of these units, keyed unit + 办件编号 (what an import matches on). */
export function approvalsOfUnits(db: Database.Database, unitIds: number[]): Map<string, ApprovalRecord> {
  const out = new Map<string, ApprovalRecord>();
  if (unitIds.length === 0) return out;
  const stmt = db.prepare(`select ${approvalCols} from approval_records where unit_id = ? and deleted_at is null`);
  for (const id of unitIds)
    for (const r of stmt.all(id) as ApprovalRecord[]) out.set(`${r.unitId}\u0000${r.caseNo}`, r);
  return out;
}

export const approvalById = (db: Database.Database, id: number) =>
  db.prepare(`select ${approvalCols} from approval_records where id = ? and deleted_at is null`).get(id) as
    ApprovalRecord | undefined;

export type ApprovalRow = Omit<ApprovalRecord, 'id' | 'updatedAt'>;

const approvalValues = (r: ApprovalRow) => ({
  unit_id: r.unitId,
  case_no: r.caseNo,
  item: r.item,
  accepted_on: r.acceptedOn,
  completed_on: r.completedOn,
  legal_days: r.legalDays,
  promised_days: r.promisedDays,
  note: r.note,
});

export const insertApprovalRow = (w: RecordWriter, r: ApprovalRow) => w.insert('approval_records', approvalValues(r));
export const updateApprovalRow = (w: RecordWriter, id: number, r: ApprovalRow) =>
  w.update('approval_records', id, approvalValues(r));

/** A unit's cost figures of a year as stored (the figures as core/cost.ts reads them). */
export interface AdminCostRecord extends CostFigures {
  id: number;
  note: string | null;
  updatedAt: number;
}

const costCols = `id, unit_id as unitId, year, public_funds as publicFunds, three_public as threePublic, staff,
  budget_public as budgetPublic, budget_three as budgetThree, prior_public as priorPublic,
  prior_three as priorThree, prior_staff as priorStaff, note, updated_at as updatedAt`;

export const costsOfYear = (db: Database.Database, year: number) =>
  db
    .prepare(`select ${costCols} from admin_costs where year = ? and deleted_at is null order by unit_id`)
    .all(year) as AdminCostRecord[];

export const costById = (db: Database.Database, id: number) =>
  db.prepare(`select ${costCols} from admin_costs where id = ? and deleted_at is null`).get(id) as
    AdminCostRecord | undefined;

export type AdminCostRow = Omit<AdminCostRecord, 'id' | 'updatedAt'>;

const costValues = (r: AdminCostRow) => ({
  unit_id: r.unitId,
  year: r.year,
  public_funds: r.publicFunds,
  three_public: r.threePublic,
  staff: r.staff,
  budget_public: r.budgetPublic,
  budget_three: r.budgetThree,
  prior_public: r.priorPublic,
  prior_three: r.priorThree,
  prior_staff: r.priorStaff,
  note: r.note,
});

export const insertCostRow = (w: RecordWriter, r: AdminCostRow) => w.insert('admin_costs', costValues(r));
export const updateCostRow = (w: RecordWriter, id: number, r: AdminCostRow) =>
  w.update('admin_costs', id, costValues(r));

/** The calendar's holidays and worked weekends in [from, to], read on a bare connection (the scoring sources'). */
export const calendarDaysBetween = (db: Database.Database, from: string, to: string) =>
  db
    .prepare(`select date, kind from calendar_days where date between ? and ? and deleted_at is null order by date`)
    .all(from, to) as { date: string; kind: 'holiday' | 'workday' }[];

/** A setting's JSON value on a bare connection, or undefined. */
export const settingJson = (db: Database.Database, key: string): unknown => {
  const row = db.prepare('select value from settings where key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
};
