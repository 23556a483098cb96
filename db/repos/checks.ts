import type { RecordWriter } from '../records';

/** Writes of supervision rounds (督查) and their findings. */

export interface CheckRow {
  title: string;
  kind: 'half_year' | 'ad_hoc';
  team: string;
  scope: string;
  checkDate: string;
}
const checkValues = (c: CheckRow) => ({ title: c.title, kind: c.kind, team: c.team, scope: c.scope, check_date: c.checkDate });

export const insertCheckRow = (w: RecordWriter, planId: number, c: CheckRow) => w.insert('checks', { plan_id: planId, ...checkValues(c) });
export const updateCheckRow = (w: RecordWriter, id: number, planId: number, c: CheckRow) =>
  w.update('checks', { id, plan_id: planId }, checkValues(c));
/** A finding of the round changed: the round's version moves with it. */
export const touchCheck = (w: RecordWriter, id: number) => w.touch('checks', id);
export const setCheckReport = (w: RecordWriter, id: number, documentId: number) => w.update('checks', id, { report_document_id: documentId });

export interface FindingRow {
  unitId: number;
  targetId: number | null;
  rating: 'on_track' | 'lagging' | 'serious';
  description: string;
  requiredAction: string;
}
const findingValues = (f: FindingRow) => ({
  unit_id: f.unitId,
  target_id: f.targetId,
  rating: f.rating,
  description: f.description,
  required_action: f.requiredAction,
});
export const insertFindingRow = (w: RecordWriter, checkId: number, f: FindingRow) => w.insert('findings', { check_id: checkId, ...findingValues(f) });
export const updateFindingRow = (w: RecordWriter, id: number, checkId: number, f: FindingRow) =>
  w.update('findings', { id, check_id: checkId }, findingValues(f));
export const removeFindingRow = (w: RecordWriter, id: number) => w.remove('findings', id);

/** Links a finding to the notice raised from it; false when it already has one. */
export const linkFindingToNotice = (w: RecordWriter, findingId: number, noticeId: number) =>
  w.update('findings', { id: findingId, notice_id: null }, { notice_id: noticeId }) === 1;
