import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { staffRoundView } from '../../contract/channels/staff';
import { maskIdNumber } from '../../core';
import {
  assessingUnit,
  excellentQuota,
  excellentShare,
  gradeLimit,
  joinedIn,
  type GradeLimit,
} from '../../core/staff-assessment';
import { movedUnitRule } from '../../vocab';
import { allUnits } from '../../../db/repos/org';
import {
  assessmentsOfRound,
  candidatesOf,
  postSpansOf,
  roundOf,
  staffPeople,
  type AssessmentRecord,
  type RoundRecord,
} from '../../../db/repos/staff';
import { excellentQuotaRules, gradeLimitRules } from './rules';
import type { StaffSettings } from './settings';
import { measuresByPerson } from './sources';

export type RoundView = z.output<typeof staffRoundView>;

/** One person of a unit's year, with what the service needs beyond the view. */
export interface Member {
  personId: number;
  inScope: boolean;
  stored: AssessmentRecord | undefined;
  limit: GradeLimit | null;
}

/**
 * A unit's year as the office works on it: the people it assesses (the unit where they served longest in the
 * year, or as the setting says), each with the limit their measures put on the grade, and the 优秀 quota.
 */
export function roundState(db: Database.Database, year: number, unitId: number, settings: StaffSettings) {
  const round: RoundRecord | undefined = roundOf(db, year, unitId);
  const stored = new Map((round ? assessmentsOfRound(db, round.id) : []).map((a) => [a.personId, a]));
  const candidates = [...new Set([...candidatesOf(db, year, unitId), ...stored.keys()])];
  const posts = postSpansOf(db, candidates);
  const units = new Map(allUnits(db).map((u) => [u.id, u.name]));
  const rules = gradeLimitRules(db);
  const quotaRules = excellentQuotaRules(db);
  const measures = measuresByPerson(db, year);
  const people = staffPeople(db, candidates);
  const rows: RoundView['people'] = [];
  const members: Member[] = [];
  for (const p of people) {
    const spans = posts.get(p.id) ?? [];
    const at = assessingUnit(spans, year, settings.movedUnit, p.unitId);
    const s = stored.get(p.id);
    if (at.unitId !== unitId && !s) continue;
    const { limit, unlisted } = gradeLimit(measures.get(p.id) ?? [], year, rules.rows, rules.label);
    const inScope = s?.inScope ?? true;
    const moved =
      at.spans.length > 1
        ? `年内在${at.spans.map((x) => `${units.get(x.unitId) ?? '?'}${x.days}天`).join('、')}，` +
          `按${movedUnitRule.label(settings.movedUnit)}（${units.get(at.unitId) ?? '?'}）考核`
        : null;
    members.push({ personId: p.id, inScope, stored: s, limit });
    rows.push({
      personId: p.id,
      name: p.name,
      post: p.post,
      idNumber: maskIdNumber(p.idNumber),
      inScope,
      scopeSet: s?.inScope !== null && s?.inScope !== undefined,
      outReason: inScope ? null : (s?.outReason ?? null),
      joinedOn: joinedIn(spans, year),
      moved,
      proposedGrade: s?.proposedGrade ?? null,
      comment: s?.comment ?? '',
      finalGrade: s?.finalGrade ?? null,
      noGradeNote: s?.noGradeNote ?? null,
      limit: limit && {
        effect: limit.effect,
        allowed: limit.allowed,
        reason: limit.reason,
        source: limit.measure.source,
      },
      unlisted: unlisted.map((m) => `${m.measure}（${m.source.label}）`),
      ruleVersion: s?.ruleVersion ?? null,
    });
  }
  const assessed = members.filter((m) => m.inScope).length;
  const share = excellentShare(
    { share: settings.excellentShare, byUnitGrade: settings.byUnitGrade },
    round?.unitGrade ?? null,
    quotaRules.rows,
    quotaRules.label,
  );
  const count = (k: 'proposedGrade' | 'finalGrade') =>
    members.filter((m) => m.inScope && m.stored?.[k] === 'excellent').length;
  const view: RoundView = {
    year,
    unitId,
    unitName: units.get(unitId) ?? '',
    roundId: round?.id ?? null,
    unitGrade: round?.unitGrade ?? null,
    unitGrades: quotaRules.rows.map((r) => r.unitGrade),
    confirmedAt: round?.confirmedAt ?? null,
    confirmedBy: round?.confirmedBy ?? null,
    assessed,
    share: share.share,
    shareBasis: share.basis,
    quota: excellentQuota(assessed, share.share),
    proposedExcellent: count('proposedGrade'),
    finalExcellent: count('finalGrade'),
    gradeRules: rules.label,
    gradeRuleVersion: rules.version,
    movedRule: movedUnitRule.label(settings.movedUnit),
    people: rows,
  };
  return { view, members, round, rules };
}
