import type Database from 'better-sqlite3';
import {
  type DayOverrides,
  PUBLICITY_DAYS,
  type PublicationFacts,
  addWorkingDays,
  isWorkingDay,
  periodText,
  publicationStateOn,
  workingDaysLeft,
} from '../../core';
import type { PlanRecord } from '../../../db/repos/plans';
import {
  latestSnapshot,
  objectionsOf,
  publicationOf,
  type PublicationRecord,
  snapshotsOf,
} from '../../../db/repos/publication';
import { computeYear } from './year';

/** What a plan's results and 公示 stand at today, read by the plan's moves and by the 公示 screen. */

export const planPublication = (sqlite: Database.Database, planId: number) =>
  publicationOf(sqlite, 'plan_results', planId);

/** The facts plans.setState and the 公示 check a plan's move against (core/publication.ts publicationMoveProblem). */
export function publicationFacts(
  sqlite: Database.Database,
  plan: Pick<PlanRecord, 'id'>,
  today: string,
): PublicationFacts {
  const snap = latestSnapshot(sqlite, plan.id);
  const p = planPublication(sqlite, plan.id);
  if (!p) return { snapshotNo: snap?.no ?? null, publication: null };
  const objections = objectionsOf(sqlite, p.id);
  return {
    snapshotNo: snap?.no ?? null,
    publication: {
      state: publicationStateOn(p, today),
      endDate: p.endDate,
      unanswered: objections.filter((o) => o.state !== 'answered').map((o) => `异议第${o.no}号`),
      rescoring: objections
        .filter((o) => o.outcome === 'upheld' && o.unitId !== null && o.rescoreSnapshotId === null)
        .map((o) => `异议第${o.no}号（${o.unitName ?? ''}）`),
    },
  };
}

/** The 公示 screen's whole state for a plan. */
export function publicationViewOf(
  sqlite: Database.Database,
  plan: PlanRecord,
  o: { today: string; days: DayOverrides; contact: { phone: string; address: string } },
) {
  const p: PublicationRecord | undefined = planPublication(sqlite, plan.id);
  const snapshots = snapshotsOf(sqlite, plan.id);
  let freeze: { problems: string[]; incomplete: string[] } | null = null;
  if (snapshots.length === 0 && plan.state === 'scoring') {
    const r = computeYear(sqlite, plan, undefined, o.today);
    freeze = r.ok
      ? { problems: r.value.gradeProblems, incomplete: r.value.units.filter((u) => !u.complete).map((u) => u.name) }
      : { problems: r.problems, incomplete: [] };
  }
  const objections = p ? objectionsOf(sqlite, p.id) : [];
  const start = isWorkingDay(o.today, o.days) ? o.today : addWorkingDays(o.today, 1, o.days);
  return {
    planId: plan.id,
    planState: plan.state,
    year: plan.year,
    today: o.today,
    snapshots: snapshots.map(({ no, unitCount, reason, incompleteReason, madeBy, madeAt }) => ({
      no,
      unitCount,
      reason,
      incompleteReason,
      madeBy,
      madeAt,
    })),
    freeze,
    publication: p
      ? {
          id: p.id,
          title: p.title,
          startDate: p.startDate,
          endDate: p.endDate,
          workingDays: p.workingDays,
          periodText: periodText(p),
          state: publicationStateOn(p, o.today),
          daysLeft: workingDaysLeft(o.today < p.startDate ? p.startDate : o.today, p.endDate, o.days),
          phone: p.phone,
          address: p.address,
          publicityDocumentId: p.publicityDocumentId,
          publicityNumber: p.publicityNumber,
          bulletinDocumentId: p.bulletinDocumentId,
          bulletinNumber: p.bulletinNumber,
        }
      : null,
    objections: objections.map((x) => ({
      id: x.id,
      no: x.no,
      raiserName: x.raiserName,
      raiserUnit: x.raiserUnit,
      raiserContact: x.raiserContact,
      receivedDate: x.receivedDate,
      content: x.content,
      unitId: x.unitId,
      unitName: x.unitName,
      state: x.state,
      investigation: x.investigation,
      outcome: x.outcome,
      answer: x.answer,
      answeredDate: x.answeredDate,
      answeredBy: x.answeredBy,
      corrections: x.corrections.length,
      rescoring: x.outcome === 'upheld' && x.unitId !== null && x.rescoreSnapshotId === null,
      rescoreSnapshotNo: x.rescoreSnapshotNo,
      registeredBy: x.registeredBy,
    })),
    defaults: { startDate: start, workingDays: PUBLICITY_DAYS.usual, ...o.contact },
  };
}
