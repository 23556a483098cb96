import type Database from 'better-sqlite3';
import type { ArchiveLine, PersonMeasure } from '../../core/person-facts';
import { decisionState } from '../../vocab';
import { casesOnPerson, openCaseSubjectsOf } from '../../../db/repos/cases';
import { decisionFacts, type DecisionFact } from '../../../db/repos/case-decisions';
import { decisionEffects } from './view';

/**
 * What accountability knows of people, in the shapes the people module (#19) gathers (core/person-facts.ts): the
 * measures that constrain a grade or a promotion, and the lines of a person's archive. The archive follows the
 * person (by person id), whatever unit he has moved to; the post printed is the one held at the time of the facts.
 */

const decisionLink = (d: DecisionFact) => ({ kind: 'case_decision', uuid: d.uuid, label: `${d.number} ${d.title}` });

/**
 * Measures bearing on `year`: every form of each served decision on a person (changed or revoked ones no longer
 * count) decided in the year or whose 影响期 reaches into it, with the end of its 影响期 from the forms table version
 * the decision stored; and each case still open on a person, as under investigation (graded after it closes).
 */
export function accountabilityMeasures(db: Database.Database, year: number): PersonMeasure[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const out: PersonMeasure[] = [];
  for (const d of decisionFacts(db, { to: last, states: ['served'] })) {
    if (d.personId === null) continue;
    for (const e of decisionEffects(db, d)) {
      const until =
        [e.effectUntil, e.promotionBarUntil]
          .filter((x): x is string => x !== null)
          .sort()
          .pop() ?? null;
      if (d.decidedOn < first && (until === null || until < first)) continue;
      out.push({
        personId: d.personId,
        measure: e.form,
        decidedOn: d.decidedOn,
        effectUntil: e.effectUntil,
        body: d.body,
        underInvestigation: false,
        source: decisionLink(d),
      });
    }
  }
  for (const s of openCaseSubjectsOf(db)) {
    if (s.openedOn > last) continue;
    out.push({
      personId: s.personId,
      measure: '立案调查',
      decidedOn: s.openedOn,
      effectUntil: null,
      body: '',
      underInvestigation: true,
      source: { kind: 'case', uuid: s.caseUuid, label: s.title },
    });
  }
  return out;
}

/**
 * The accountability lines of a person's archive: each decision (served ones are the record; one not yet served,
 * and the case itself, are case content and restricted to evaluators and leaders), revocations and changes noted.
 */
export function accountabilityArchiveLines(db: Database.Database, personId: number): ArchiveLine[] {
  const out: ArchiveLine[] = [];
  for (const c of casesOnPerson(db, personId))
    out.push({
      personId,
      section: 'accountability',
      date: c.openedOn,
      title: `问责立案：${c.title}`,
      detail: c.endReason ? `案件${c.state === 'revoked' ? '撤销' : '终止'}：${c.endReason}` : '',
      restricted: true,
      source: { kind: 'case', uuid: c.uuid, label: c.title },
    });
  for (const d of decisionFacts(db, { personId })) {
    const served = d.servedOn !== null;
    const effects = decisionEffects(db, d)
      .filter((e) => e.effectUntil)
      .map((e) => `${e.form}影响期至${e.effectUntil}`);
    out.push({
      personId,
      section: 'accountability',
      date: d.decidedOn,
      title: `问责决定：${d.forms.join('、')}（${d.number}）`,
      detail: [
        `${d.unitName}${d.post ?? ''}（事实发生时任职）`,
        `${d.body}作出`,
        served ? `${d.servedOn}送达` : '尚未送达',
        ...effects,
        d.state === 'revoked' || d.state === 'changed'
          ? `${decisionState.label(d.state)}${d.revokeReason ? `：${d.revokeReason}` : ''}`
          : '',
      ]
        .filter(Boolean)
        .join('；'),
      restricted: !served,
      source: decisionLink(d),
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
