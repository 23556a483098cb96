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

/**
 * The office's latest ruling on this very version of a report written at another installation (report_reviews), or
 * none: the report is the unit's, the ruling the office's, and the report's state is what the ruling makes it.
 */
const rulingOf = (r: string, col: string) =>
  `(select ${col} from report_reviews v where v.report_id = ${r}.id and v.report_version = ${r}.version
     and v.deleted_at is null order by v.id desc limit 1)`;
/** The state of report `r` as everyone sees it: a submitted report ruled on by the office is accepted or returned. */
const ruled = "case when v.accept then 'accepted' else 'returned' end";
export const reportStateSql = (r: string) =>
  `(case when ${r}.state = 'submitted' then coalesce(${rulingOf(r, ruled)}, ${r}.state) else ${r}.state end)`;

const reportCols = `r.id, r.target_id as targetId, r.quarter, r.completion_rate as completionRate, r.actual_value as
  actualValue, r.narrative, r.problems, r.next_steps as nextSteps, ${reportStateSql('r')} as state,
  coalesce(case when r.state = 'submitted' then ${rulingOf('r', 'v.reason')} end, r.return_reason) as returnReason,
  r.submitted_at as submittedAt`;

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
/**
 * `state` is the state the report is seen in: a report the office returned by a ruling (report_reviews) keeps
 * "returned" on its own row once the unit changes it, as the ruling then no longer applies.
 */
export const updateReportRow = (w: RecordWriter, id: number, f: ReportFields, state: ReportRecord['state']) =>
  w.update('progress_reports', id, { ...reportValues(f), state });
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
/** Evidence changed: the report's version moves with it (and it keeps the state it is seen in, as above). */
export const touchReport = (w: RecordWriter, id: number, state: ReportRecord['state']) =>
  w.update('progress_reports', id, { state });

/** The office's ruling on a report written at another installation: its own record, on this version of the report. */
export const insertReportReview = (
  w: RecordWriter,
  r: { reportId: number; reportVersion: number; accept: boolean; reason: string | null; by: string },
) =>
  w.insert('report_reviews', {
    report_id: r.reportId,
    report_version: r.reportVersion,
    accept: r.accept,
    reason: r.reason,
    reviewed_by: r.by,
    reviewed_at: w.now,
  });

export const reportVersion = (db: Database.Database, id: number) =>
  (db.prepare('select version from progress_reports where id = ?').get(id) as { version: number }).version;

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
