import type Database from 'better-sqlite3';
import { assessingUnit, excellentQuota, excellentShare, gradeLimit, limitRefusal } from '../../core/staff-assessment';
import { allStaff, gradesOfYear, postSpansOf } from '../../../db/repos/staff';
import { excellentQuotaRules, gradeLimitRules } from './rules';
import type { StaffSettings } from './settings';
import { measuresByPerson } from './sources';

export interface CityCheck {
  people: number;
  units: number;
  limited: number;
  /** Stored grades a measure now forbids, or units over their 优秀 quota (after a rule or a measure changed). */
  problems: string[];
}

/**
 * The whole year at once: every person's assessing unit and grade limit, every unit's quota, and the stored grades
 * that no longer fit (a measure registered, a rule table edited after they were given). One read of each table.
 */
export function cityCheck(db: Database.Database, year: number, settings: StaffSettings): CityCheck {
  const rules = gradeLimitRules(db);
  const quotaRules = excellentQuotaRules(db);
  const measures = measuresByPerson(db, year);
  const posts = postSpansOf(db, null);
  const stored = new Map(gradesOfYear(db, year).map((a) => [a.personId, a]));
  const byUnit = new Map<number, { assessed: number; excellent: number; grade: string | null }>();
  const problems: string[] = [];
  let limited = 0;
  const everyone = allStaff(db);
  for (const p of everyone) {
    const s = stored.get(p.id);
    const unitId = s?.unitId ?? assessingUnit(posts.get(p.id) ?? [], year, settings.movedUnit, p.unitId).unitId;
    const u = byUnit.get(unitId) ?? { assessed: 0, excellent: 0, grade: s?.unitGrade ?? null };
    byUnit.set(unitId, u);
    if (s?.inScope === 0) continue;
    u.assessed++;
    const m = measures.get(p.id);
    const { limit } = m ? gradeLimit(m, year, rules.rows, rules.label) : { limit: null };
    if (limit) limited++;
    const g = s?.finalGrade ?? s?.proposedGrade;
    if (g === 'excellent') u.excellent++;
    if (g && limit) {
      const r = limitRefusal(limit, g);
      if (r) problems.push(`人员 ${p.id}：${r}`);
    }
  }
  for (const [unitId, u] of byUnit) {
    const share = excellentShare(
      { share: settings.excellentShare, byUnitGrade: settings.byUnitGrade },
      u.grade,
      quotaRules.rows,
      quotaRules.label,
    );
    const quota = excellentQuota(u.assessed, share.share);
    if (u.excellent > quota) problems.push(`单位 ${unitId}：优秀 ${u.excellent} 名，超过名额 ${quota} 名`);
  }
  return { people: everyone.length, units: byUnit.size, limited, problems };
}
