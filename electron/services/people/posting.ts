import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { staffPostingView } from '../../contract/channels/staff-excellent';
import {
  type DayOverrides,
  PUBLICITY_DAYS,
  addWorkingDays,
  isWorkingDay,
  limitRefusal,
  periodText,
  publicationStateOn,
  workingDaysLeft,
} from '../../core';
import { allUnits } from '../../../db/repos/org';
import { staffPeople } from '../../../db/repos/staff';
import { objectionsOf, publicationOf, type PublicationRecord } from '../../../db/repos/publication';
import {
  type PostingRecord,
  personIdsByUuid,
  postingsOfYear,
  unitsProposingExcellent,
} from '../../../db/repos/staff-postings';
import { roundState } from './round';
import type { StaffSettings } from './settings';

/**
 * 优秀等次公示 as the people module reads it: which 公示 covers a unit's year (its own, or the year's for every
 * unit), what it stands at, the proposed 优秀 a new one would list and what stops it, and the lock it puts on the
 * grades (services/handlers/staff.ts asks postingLock before any change into or out of 优秀).
 */

export type PostingView = z.output<typeof staffPostingView>;

export interface Covering {
  posting: PostingRecord;
  pub: PublicationRecord;
}

const withPublication = (db: Database.Database, p: PostingRecord): Covering | null => {
  const pub = publicationOf(db, 'staff_excellent', p.id);
  return pub ? { posting: p, pub } : null;
};

/** The 公示 covering a unit's year (its own or the year's), or for unitId null the year's for every unit. */
export function coveringPosting(db: Database.Database, year: number, unitId: number | null): Covering | null {
  const p = postingsOfYear(db, year).find((x) => x.unitId === null || (unitId !== null && x.unitId === unitId));
  return p ? withPublication(db, p) : null;
}

/** Every 公示 of the year a new one for `unitId` (null: every unit) would overlap. */
export function overlapping(db: Database.Database, year: number, unitId: number | null): PostingRecord[] {
  return postingsOfYear(db, year).filter((x) => unitId === null || x.unitId === null || x.unitId === unitId);
}

export const postingName = (c: Covering) => {
  const no = c.pub.publicityNumber ? `（${c.pub.publicityNumber}）` : '';
  return `${c.posting.unitName ?? '全部单位'}${c.posting.year}年度优秀等次公示${no}`;
};

/**
 * Why a grade of a person may not move into or out of 优秀 under a 公示, or null. Out of 优秀 stays possible when
 * the person's measures now forbid it (a decision registered during the 公示).
 */
export function postingLock(
  db: Database.Database,
  o: { year: number; unitId: number; name: string; from: string | null; to: string | null; forbidden: boolean },
  today: string,
): string | null {
  if (o.from === o.to || (o.from !== 'excellent' && o.to !== 'excellent')) return null;
  const c = coveringPosting(db, o.year, o.unitId);
  if (!c) return null;
  if (o.from === 'excellent' && o.forbidden) return null;
  const state = publicationStateOn(c.pub, today);
  if (state === 'notified') return `${postingName(c)}已经确定，优秀人选不能再更改；${o.name}的等次不能改为或改自优秀。`;
  return (
    `${postingName(c)}${state === 'open' ? `正在公示（至${c.pub.endDate}）` : '已期满、尚未确定'}，` +
    `拟定优秀人选不能更改。对${o.name}有异议的，请登记异议，异议成立后可重新评定该人员的等次（优秀除外）。`
  );
}

export interface Proposals {
  listed: (PostingView['proposals'][number] & { personId: number; personUuid: string })[];
  problems: string[];
  /** Units with a proposed 优秀, by id → name. */
  units: Map<number, string>;
}

/** The proposed 优秀 of a unit's year (or of every unit's) a new 公示 would list, and what stops it. */
export function proposalsOf(
  db: Database.Database,
  year: number,
  unitId: number | null,
  settings: StaffSettings,
): Proposals {
  const ids = unitId === null ? unitsProposingExcellent(db, year) : [unitId];
  const listed: Proposals['listed'] = [];
  const problems: string[] = [];
  const units = new Map<number, string>();
  for (const id of ids) {
    const s = roundState(db, year, id, settings);
    const v = s.view;
    const mine = v.people.filter((p) => p.inScope && p.proposedGrade === 'excellent');
    if (mine.length) units.set(id, v.unitName);
    if (s.round?.confirmedAt) problems.push(`${v.unitName}${year}年度考核等次已确定，不能再公示优秀人选。`);
    if (v.proposedExcellent > v.quota)
      problems.push(
        `${v.unitName}拟定优秀 ${v.proposedExcellent} 名，超过优秀名额 ${v.quota} 名（参加考核 ${v.assessed} 人，` +
          `优秀比例 ${v.share}%，${v.shareBasis}）。`,
      );
    const uuids = new Map(
      staffPeople(
        db,
        mine.map((p) => p.personId),
      ).map((p) => [p.id, p.uuid]),
    );
    for (const p of mine) {
      listed.push({
        personId: p.personId,
        personUuid: uuids.get(p.personId)!,
        name: p.name,
        unit: v.unitName,
        post: p.post,
      });
      const m = s.members.find((x) => x.personId === p.personId);
      const refused = m && limitRefusal(m.limit, 'excellent');
      if (refused) problems.push(`${p.name}${refused}`);
    }
  }
  if (listed.length === 0)
    problems.push(`${unitId === null ? '' : (units.get(unitId) ?? '')}${year}年度还没有拟定为优秀的人员，无需公示。`);
  return { listed, problems, units };
}

/** The 公示 screen of a unit's year (or of the year's for every unit). */
export function postingViewOf(
  db: Database.Database,
  year: number,
  unitId: number | null,
  o: { today: string; days: DayOverrides; contact: { phone: string; address: string }; settings: StaffSettings },
): PostingView {
  const c = coveringPosting(db, year, unitId);
  const scopeName = unitId === null ? '全部单位' : (allUnits(db).find((u) => u.id === unitId)?.name ?? '');
  const start = isWorkingDay(o.today, o.days) ? o.today : addWorkingDays(o.today, 1, o.days);
  const before = c ? null : proposalsOf(db, year, unitId, o.settings);
  if (before)
    for (const x of overlapping(db, year, unitId))
      before.problems.unshift(`${x.unitName ?? '全部单位'}${year}年度的优秀等次已经单独公示。`);
  const ids = personIdsByUuid(db, c ? c.posting.listed.map((l) => l.personUuid) : []);
  return {
    year,
    unitId,
    scopeName,
    today: o.today,
    posting: c && {
      id: c.posting.id,
      yearWide: c.posting.unitId === null,
      title: c.pub.title,
      startDate: c.pub.startDate,
      endDate: c.pub.endDate,
      workingDays: c.pub.workingDays,
      periodText: periodText(c.pub),
      state: publicationStateOn(c.pub, o.today),
      daysLeft: workingDaysLeft(o.today < c.pub.startDate ? c.pub.startDate : o.today, c.pub.endDate, o.days),
      phone: c.pub.phone,
      address: c.pub.address,
      documentId: c.pub.publicityDocumentId,
      number: c.pub.publicityNumber,
      listed: c.posting.listed.map(({ personUuid, ...l }) => ({ personId: ids.get(personUuid) ?? null, ...l })),
    },
    objections: c
      ? objectionsOf(db, c.pub.id).map((x) => ({
          id: x.id,
          no: x.no,
          raiserName: x.raiserName,
          raiserUnit: x.raiserUnit,
          raiserContact: x.raiserContact,
          receivedDate: x.receivedDate,
          content: x.content,
          personId: x.personId,
          personName: x.personName,
          state: x.state,
          investigation: x.investigation,
          outcome: x.outcome,
          answer: x.answer,
          answeredDate: x.answeredDate,
        }))
      : [],
    proposals: before?.listed ?? [],
    problems: before?.problems ?? [],
    defaults: { startDate: start, workingDays: PUBLICITY_DAYS.usual, ...o.contact },
  };
}

/**
 * Why a grade change is refused by the 公示 rule, or null: a final 优秀 comes only from confirming a 公示; while
 * a 公示 covers the unit nobody moves into or out of 优秀 (postingLock), and a listed person's final grade waits for
 * the confirmation.
 */
export function gradeChangeProblem(
  db: Database.Database,
  o: {
    year: number;
    unitId: number;
    name: string;
    key: 'proposedGrade' | 'finalGrade';
    from: string | null;
    to: string | null;
    proposed: string | null;
    forbidden: boolean;
  },
  today: string,
): string | null {
  const lock = postingLock(db, o, today);
  if (lock) return lock;
  if (o.key !== 'finalGrade') return null;
  if (o.to === 'excellent' && o.from !== 'excellent')
    return (
      `${o.name}的优秀等次须经公示后确定：先拟定为优秀，印发优秀等次公示（不少于 5 个工作日），` +
      '公示期满、异议答复后点“确定优秀等次”。'
    );
  if (o.proposed === 'excellent' && !o.forbidden) {
    const c = coveringPosting(db, o.year, o.unitId);
    if (c && publicationStateOn(c.pub, today) !== 'notified')
      return `${o.name}拟定为优秀，列在${postingName(c)}中，公示期满后由“确定优秀等次”确定，不能另定等次。`;
  }
  return null;
}
