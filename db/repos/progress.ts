import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';
import type { reportState, ValueOf } from '../../electron/vocab';

/** Quarterly progress reports (季报) and their evidence. */

export interface ReportRecord {
  id: number;
  targetId: number;
  quarter: number;
  completionRate: number | null;
  actualValue: string | null;
  narrative: string;
  problems: string;
  nextSteps: string;
  state: ValueOf<typeof reportState>;
  returnReason: string | null;
  submittedAt: number | null;
}

const reportCols = `r.id, r.target_id as targetId, r.quarter, r.completion_rate as completionRate, r.actual_value as
  actualValue, r.narrative, r.problems,
  r.next_steps as nextSteps, r.state, r.return_reason as returnReason, r.submitted_at as submittedAt`;

export const reportOf = (db: Database.Database, targetId: number, quarter: number) =>
  db
    .prepare(
      `select ${reportCols} from progress_reports r where r.target_id = ? and r.quarter = ? and r.deleted_at is null`,
    )
    .get(targetId, quarter) as ReportRecord | undefined;

export const reportById = (db: Database.Database, id: number) =>
  db.prepare(`select ${reportCols} from progress_reports r where r.id = ? and r.deleted_at is null`).get(id) as
    ReportRecord | undefined;

/** The live reports of a plan's live targets for one quarter. */
export const reportsOfPlan = (db: Database.Database, planId: number, quarter: number) =>
  db
    .prepare(
      `select ${reportCols} from progress_reports r join targets t on t.id = r.target_id where t.plan_id = ? and ` +
        `r.quarter = ? and t.deleted_at is null and r.deleted_at is null`,
    )
    .all(planId, quarter) as ReportRecord[];

export const reportAttachments = (db: Database.Database, reportId: number) =>
  db
    .prepare('select id, name, size from report_attachments where report_id = ? and deleted_at is null order by id')
    .all(reportId) as {
    id: number;
    name: string;
    size: number;
  }[];

export const reportAttachmentById = (db: Database.Database, id: number) =>
  db
    .prepare(
      'select id, report_id as reportId, name, sha256 from report_attachments where id = ? and deleted_at is null',
    )
    .get(id) as { id: number; reportId: number; name: string; sha256: string } | undefined;

// ---- writes (through the one write path) ----

export interface ReportFields {
  completionRate: number | null;
  actualValue: string | null;
  narrative: string;
  problems: string;
  nextSteps: string;
}
const reportValues = (f: ReportFields) => ({
  completion_rate: f.completionRate,
  actual_value: f.actualValue,
  narrative: f.narrative,
  problems: f.problems,
  next_steps: f.nextSteps,
});

/** A target's report for the quarter; one removed earlier (a tombstone) comes back as the same record. */
export const insertReportRow = (w: RecordWriter, targetId: number, quarter: number, f: ReportFields) =>
  w.upsert('progress_reports', { target_id: targetId, quarter }, { state: 'draft', ...reportValues(f) });
export const updateReportRow = (w: RecordWriter, id: number, f: ReportFields) =>
  w.update('progress_reports', id, reportValues(f));
export const submitReportRow = (w: RecordWriter, id: number, by: string) =>
  w.update('progress_reports', id, { state: 'submitted', return_reason: null, submitted_at: w.now, submitted_by: by });
export const reviewReportRow = (
  w: RecordWriter,
  id: number,
  r: { accept: boolean; reason: string | null; by: string },
) =>
  w.update('progress_reports', id, {
    state: r.accept ? 'accepted' : 'returned',
    return_reason: r.accept ? null : r.reason,
    reviewed_at: w.now,
    reviewed_by: r.by,
  });
/** Evidence changed: the report's version moves with it. */
export const touchReport = (w: RecordWriter, id: number) => w.touch('progress_reports', id);

export const insertReportAttachmentRow = (
  w: RecordWriter,
  a: { reportId: number; name: string; sha256: string; size: number; addedBy: string },
) =>
  w.insert('report_attachments', {
    report_id: a.reportId,
    name: a.name,
    sha256: a.sha256,
    size: a.size,
    added_by: a.addedBy,
    added_at: w.now,
  });
export const removeReportAttachmentRow = (w: RecordWriter, id: number) => w.remove('report_attachments', id);
