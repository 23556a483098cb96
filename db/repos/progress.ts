import type { RecordWriter } from '../records';

/** Writes of quarterly progress reports (季报) and their evidence. */

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

export const insertReportRow = (w: RecordWriter, targetId: number, quarter: number, f: ReportFields) =>
  w.insert('progress_reports', { target_id: targetId, quarter, state: 'draft', ...reportValues(f) });
export const updateReportRow = (w: RecordWriter, id: number, f: ReportFields) => w.update('progress_reports', id, reportValues(f));
export const submitReportRow = (w: RecordWriter, id: number, by: string) =>
  w.update('progress_reports', id, { state: 'submitted', return_reason: null, submitted_at: w.now, submitted_by: by });
export const reviewReportRow = (w: RecordWriter, id: number, r: { accept: boolean; reason: string | null; by: string }) =>
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
  w.insert('report_attachments', { report_id: a.reportId, name: a.name, sha256: a.sha256, size: a.size, added_by: a.addedBy, added_at: w.now });
export const removeReportAttachmentRow = (w: RecordWriter, id: number) => w.remove('report_attachments', id);
