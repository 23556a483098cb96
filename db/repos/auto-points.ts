import type Database from 'better-sqlite3';
import { noticeDeadline, openNotice, openRectification } from './board';
import { reportStateSql } from './progress';

/**
 * The records automatic points are counted from (services/scoring/source-*.ts), read only. Overdue is the board's
 * definition (board.ts), so a notice the board shows red is the notice the score deducts for.
 */

export interface TargetProgress {
  targetId: number;
  unitId: number;
  indicatorId: number;
  points: number;
  content: string;
  /** The latest accepted report that states a completion rate; null when the target has none. */
  reportId: number | null;
  quarter: number | null;
  rate: number | null;
}

/** Every live target of the plan under the given indicators, with its latest accepted report's completion. */
export function targetProgress(db: Database.Database, planId: number, indicatorIds: number[]): TargetProgress[] {
  if (indicatorIds.length === 0) return [];
  return db
    .prepare(
      `select t.id as targetId, t.unit_id as unitId, t.indicator_id as indicatorId, t.points, t.content,
         r.id as reportId, r.quarter, r.completion_rate as rate
       from targets t
       left join progress_reports r on r.id = (
         select x.id from progress_reports x
         where x.target_id = t.id and ${reportStateSql('x')} = 'accepted' and x.completion_rate is not null
           and x.deleted_at is null
         order by x.quarter desc limit 1)
       where t.plan_id = ? and t.deleted_at is null
         and t.indicator_id in (select value from json_each(?))
       order by t.unit_id, t.indicator_id, t.id`,
    )
    .all(planId, JSON.stringify(indicatorIds)) as TargetProgress[];
}

export interface Fault {
  id: number;
  unitId: number;
  /** The notice's (or the rectification's notice's) document number, if it was issued as a document. */
  number: string | null;
  text: string;
  deadline: string;
  /** Overdue and still open, or done (replied) but after the deadline. */
  fault: 'overdue' | 'late';
}

export interface FaultQuery {
  /** The plan's period: a record counts in the year its deadline falls in. */
  from: string;
  to: string;
  today: string;
}

/**
 * 问询 and 督办 notices whose deadline in force fell in the period and that are overdue (open, deadline before
 * today) or were answered late (a reply recorded after the deadline). A 整改 notice counts through its items.
 */
export function noticeFaults(db: Database.Database, q: FaultQuery): Fault[] {
  return db
    .prepare(
      `select n.id, n.unit_id as unitId, d.number, n.reason as text, ${noticeDeadline} as deadline,
         case when ${openNotice} and ${noticeDeadline} < @today then 'overdue' else 'late' end as fault
       from notices n left join documents d on d.id = n.document_id
       where n.deleted_at is null and n.kind in ('inquiry', 'supervision')
         and ${noticeDeadline} between @from and @to
         and ((${openNotice} and ${noticeDeadline} < @today)
           or exists (select 1 from notice_replies p where p.notice_id = n.id and p.late = 1 and p.deleted_at is null))
       order by n.unit_id, deadline, n.id`,
    )
    .all(q) as Fault[];
}

/**
 * Rectification items whose deadline fell in the period and that are open past it, or were reported done after
 * it. An item reported done in time and waiting for the office's verification is not the unit's fault.
 */
export function rectificationFaults(db: Database.Database, q: FaultQuery): Fault[] {
  return db
    .prepare(
      `select r.id, r.unit_id as unitId, d.number, r.item as text, r.deadline,
         case when ${openRectification} then 'overdue' else 'late' end as fault
       from rectifications r left join notices n on n.id = r.notice_id left join documents d on d.id = n.document_id
       where r.deleted_at is null and r.deadline between @from and @to
         and ((${openRectification} and r.deadline < @today)
           or (r.state in ('done', 'verified') and r.done_on > r.deadline))
       order by r.unit_id, r.deadline, r.id`,
    )
    .all(q) as Fault[];
}
