import type Database from 'better-sqlite3';
import type { ArchiveLine, PersonMeasure } from '../../core/person-facts';
import { measureCategory, staffGrade, type ValueOf } from '../../vocab';
import {
  assessmentsOfPerson,
  listMeasures,
  measuresUpTo,
  postLinesOf,
  type MeasureRecord,
} from '../../../db/repos/staff';

/** The people module's own sources: the register of measures decided elsewhere, posts, grades and what follows. */

const categoryLabel = (c: string) => measureCategory.label(c as ValueOf<typeof measureCategory>);

const measureLink = (m: MeasureRecord) => ({
  kind: 'staff_measure',
  uuid: m.uuid,
  label: `${categoryLabel(m.category)}登记 ${m.measure}${m.docNo ? `（${m.docNo}）` : ''}`,
});

export const registerMeasures = (db: Database.Database, year: number): PersonMeasure[] =>
  measuresUpTo(db, year).map((m) => ({
    personId: m.personId,
    measure: m.measure,
    decidedOn: m.decidedOn,
    effectUntil: m.effectUntil,
    body: m.body,
    underInvestigation: false,
    source: measureLink(m),
  }));

export const postArchiveLines = (db: Database.Database, personId: number): ArchiveLine[] =>
  postLinesOf(db, personId).map((p) => ({
    personId,
    section: 'post',
    date: p.fromDate,
    title: `${p.unitName} ${p.post}`.trim(),
    detail: `${p.fromDate} 至 ${p.toDate ?? '今'}`,
    restricted: false,
    source: { kind: 'person_post', uuid: p.uuid, label: '任职记录' },
  }));

export const measureArchiveLines = (db: Database.Database, personId: number): ArchiveLine[] =>
  listMeasures(db, { personId }).map((m) => ({
    personId,
    section: 'accountability',
    date: m.decidedOn,
    title: `${categoryLabel(m.category)}：${m.measure}`,
    detail: `${m.body}决定${m.effectUntil ? `，影响期至 ${m.effectUntil}` : ''}${m.note ? `；${m.note}` : ''}`,
    restricted: true,
    source: measureLink(m),
  }));

/**
 * The grades of every year and what follows from them (rules.md “Uses”): 优秀 → 嘉奖; 优秀 three years in a row →
 * 三等功 proposed; 基本称职 → 诫勉 and a written self-review. Derived from the grades, so they never disagree.
 */
export function gradeArchiveLines(db: Database.Database, personId: number): ArchiveLine[] {
  const rows = assessmentsOfPerson(db, personId);
  const finalOf = new Map(rows.map((a) => [a.year, a.finalGrade]));
  const out: ArchiveLine[] = [];
  for (const a of rows) {
    const link = { kind: 'staff_assessment', uuid: a.uuid, label: `${a.year}年度公务员考核（${a.unitName}）` };
    const date = `${a.year}-12-31`;
    const base = { personId, date, restricted: false, source: link };
    if (a.inScope === false) {
      out.push({ ...base, section: 'grade', title: `${a.year}年度考核：不参加等次评定`, detail: a.outReason ?? '' });
      continue;
    }
    if (!a.finalGrade) {
      if (a.proposedGrade)
        out.push({
          ...base,
          section: 'grade',
          title: `${a.year}年度考核：拟定${staffGrade.label(a.proposedGrade)}`,
          detail: '尚未确定等次',
        });
      continue;
    }
    const g = staffGrade.label(a.finalGrade);
    const note = a.finalGrade === 'none' && a.noGradeNote ? a.noGradeNote : a.comment;
    out.push({ ...base, section: 'grade', title: `${a.year}年度考核：${g}`, detail: note });
    if (a.finalGrade === 'excellent') {
      out.push({ ...base, section: 'honour', title: `${a.year}年度嘉奖`, detail: '年度考核确定为优秀等次，给予嘉奖' });
      if (finalOf.get(a.year - 1) === 'excellent' && finalOf.get(a.year - 2) === 'excellent')
        out.push({
          ...base,
          section: 'honour',
          title: `拟记三等功（${a.year - 2}—${a.year}年连续三年优秀）`,
          detail: '连续三年年度考核被确定为优秀等次，建议记三等功',
        });
    }
    if (a.finalGrade === 'basic')
      out.push({
        ...base,
        section: 'honour',
        title: `提醒：${a.year}年度基本称职，应予诫勉`,
        detail: '年度考核确定为基本称职的，对其诫勉谈话，限期改进，并作出书面检查',
      });
  }
  return out;
}
