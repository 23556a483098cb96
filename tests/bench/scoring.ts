// Figures for the year's scoring on a city: 2,000 units × 100 indicators = 200,000 scores, computed in memory by the
// pure core (checks, scores with their drill-down lines, rank within category, grades by quota), then one unit's
// drill-down. Synthetic and deterministic (a fixed LCG, no Math.random), so every run scores the same city.
import {
  type ScoreEntry,
  type ScoringIndicator,
  type ScoringRules,
  type ScoringUnit,
  defaultScoringRules,
  drillDown,
  itemsFor,
  scoreUnit,
  scoreYear,
} from '../../electron/core';
import { time } from './stats';

type Report = (name: string, samples: number[], extra?: string) => void;

const UNITS = 2000;
const CATEGORIES = ['党群部门', '政府工作部门', '乡镇街道', '开发园区'];
const REPEAT = 7;

/** 70 base items worth 100 points, 10 bonus, 15 deduction and 5 veto items: every method appears. */
export function cityIndicators(): ScoringIndicator[] {
  const out: ScoringIndicator[] = [];
  const push = (kind: ScoringIndicator['kind'], points: number, params: ScoringIndicator['params']) =>
    out.push({ id: out.length + 1, name: `指标${out.length + 1}`, kind, points, params, categoryIds: [] });
  for (let i = 0; i < 70; i++) {
    const points = i < 60 ? 1.5 : 1;
    const m = i % 5;
    if (m === 0) push('common', points, { method: 'linear', full: 100, floor: 0 });
    else if (m === 1) push('specific', points, { method: 'linear', full: 100, floor: 60 });
    else if (m === 2)
      push('specific', points, {
        method: 'threshold',
        steps: [
          { min: 100, share: 1 },
          { min: 90, share: 0.8 },
        ],
      });
    else if (m === 3) push('common', points, { method: 'grade', shares: { A: 1, B: 0.85, C: 0.7, D: 0.5 } });
    else push('common', points, i % 2 ? { method: 'judgement' } : { method: 'per_occurrence', each: 0.5, cap: 0 });
  }
  for (let i = 0; i < 10; i++)
    push('bonus', 2, i % 2 ? { method: 'judgement' } : { method: 'per_occurrence', each: 1, cap: 2 });
  for (let i = 0; i < 15; i++) push('deduction', 5, { method: 'per_occurrence', each: 0.5, cap: 5 });
  for (let i = 0; i < 5; i++) push('veto', 0, { method: 'veto' });
  return out;
}

export function cityScores(): { indicators: ScoringIndicator[]; units: ScoringUnit[]; entries: ScoreEntry[] } {
  let seed = 20_260_101;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const indicators = cityIndicators();
  const units: ScoringUnit[] = Array.from({ length: UNITS }, (_, i) => ({
    id: i + 1,
    code: `U${String(i + 1).padStart(4, '0')}`,
    name: `单位${i + 1}`,
    categoryId: (i % CATEGORIES.length) + 1,
    categoryName: CATEGORIES[i % CATEGORIES.length]!,
  }));
  const entries: ScoreEntry[] = [];
  for (const u of units)
    for (const it of indicators) {
      const p = it.params;
      const input: ScoreEntry['input'] =
        p.method === 'linear' || p.method === 'threshold'
          ? { rate: Math.round(600 + next() * 500) / 10 }
          : p.method === 'grade'
            ? { grade: (['A', 'B', 'C', 'D'] as const)[Math.floor(next() * 4)]! }
            : p.method === 'per_occurrence'
              ? { occurrences: next() < 0.8 ? 0 : Math.floor(next() * 4) }
              : p.method === 'veto'
                ? { vetoed: next() < 0.0005 }
                : { points: Math.round(next() * it.points * 100) / 100 };
      entries.push({ unitId: u.id, indicatorId: it.id, input, source: '基准测试' });
    }
  return { indicators, units, entries };
}

export const cityRules: ScoringRules = {
  ...defaultScoringRules,
  deductionCap: 10,
  grading: {
    by: 'quota',
    perCategory: [],
    otherwise: [
      { grade: '优秀', share: 0.2 },
      { grade: '良好', share: 0.5 },
    ],
    rest: '达标',
    vetoGrade: '未达标',
  },
};

export async function benchScoring(report: Report): Promise<void> {
  const { indicators, units, entries } = cityScores();
  const all: number[] = [];
  let tiesReported = 0;
  for (let i = 0; i < REPEAT; i++) {
    const [dt, r] = await time(() => scoreYear(indicators, units, entries, cityRules, 'bench'));
    if (!r.ok) throw new Error(r.problems.join('\n'));
    if (r.value.units.length !== UNITS) throw new Error(`scored ${r.value.units.length} units`);
    tiesReported = r.value.gradeProblems.length;
    all.push(dt);
  }
  report(
    'scoring: compute + rank + grade, 200,000 scores',
    all,
    `(checks, per-item lines, rank, quota grades; ${tiesReported} boundary ties reported)`,
  );
  const one: number[] = [];
  for (let i = 0; i < 50; i++) {
    const u = units[(i * 37) % UNITS]!;
    const [dt, text] = await time(() => {
      const mine = entries.filter((e) => e.unitId === u.id);
      const d = drillDown(scoreUnit(u, itemsFor(indicators, u.categoryId), mine, cityRules), cityRules);
      return [d.summary, ...d.lines.map((l) => `${l.name}：${l.explanation}`)];
    });
    if (text.length !== 101) throw new Error(`drill-down of ${text.length} lines`);
    one.push(dt);
  }
  report('scoring: drill-down of one unit', one, '(its 100 entries found among 200,000, scored and explained)');
}
