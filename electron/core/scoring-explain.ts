/** The Chinese line that says how an item's points were reached (得分反查): inputs → method → arithmetic. */

import { type IndicatorKindName, type MethodParams, type ScoreInput, capOf, formatPoints } from './plans';

const pct = (x: number): string => `${formatPoints(x)}%`;
const isBase = (kind: IndicatorKindName): boolean => kind === 'common' || kind === 'specific';

/**
 * Explains `earned` for an item worth `points` scored by `p` from `input`. The arithmetic itself comes from scoreOf;
 * this only puts the same steps into words, so the two cannot disagree on the result shown.
 */
export function explainScore(
  kind: IndicatorKindName,
  p: MethodParams,
  points: number,
  input: ScoreInput,
  earned: number,
): string {
  const pts = formatPoints(points);
  const got = formatPoints(earned);
  const f = formatPoints;
  switch (p.method) {
    case 'linear': {
      const rate = (input as { rate: number }).rate;
      if (rate >= p.full) return `完成率 ${pct(rate)}，达到 ${pct(p.full)} 得满分：${got} 分`;
      if (rate <= p.floor)
        return p.floor > 0
          ? `完成率 ${pct(rate)}，未超过起算完成率 ${pct(p.floor)}，不得分：0 分`
          : `完成率 0%，不得分：0 分`;
      if (p.floor === 0 && p.full === 100)
        return `完成率 ${pct(rate)}，按完成比例计分：${pts} × ${pct(rate)} = ${got} 分`;
      if (p.floor === 0)
        return `完成率 ${pct(rate)}，达到 ${pct(p.full)} 得满分，按比例计分：${pts} × ${f(rate)} ÷ ${f(p.full)} = ${got} 分`;
      return (
        `完成率 ${pct(rate)}，${pct(p.floor)} 起算、${pct(p.full)} 得满分，按比例计分：` +
        `${pts} × (${f(rate)} − ${f(p.floor)}) ÷ (${f(p.full)} − ${f(p.floor)}) = ${got} 分`
      );
    }
    case 'threshold': {
      const rate = (input as { rate: number }).rate;
      const step = p.steps.find((s) => rate >= s.min);
      if (!step) return `完成率 ${pct(rate)}，低于最低一档 ${pct(p.steps.at(-1)?.min ?? 0)}，不得分：0 分`;
      const share = pct(step.share * 100);
      return `完成率 ${pct(rate)}，达到 ${pct(step.min)} 一档，得分比例 ${share}：${pts} × ${share} = ${got} 分`;
    }
    case 'grade': {
      const g = (input as { grade: 'A' | 'B' | 'C' | 'D' }).grade;
      const share = p.shares[g];
      return `评定为 ${g} 等，得分比例 ${pct(share * 100)}：${pts} × ${pct(share * 100)} = ${got} 分`;
    }
    case 'per_occurrence': {
      const n = (input as { occurrences: number }).occurrences;
      const cap = capOf(kind, p, points);
      const raw = p.each * n;
      const capped = Math.round(raw * 100) > Math.round(cap * 100);
      const capText = capped ? `，超过封顶 ${formatPoints(cap)} 分，按 ${formatPoints(cap)} 分计` : '';
      if (kind === 'bonus') {
        if (n === 0) return '无加分事项：0 分';
        return `加分 ${n} 项，每项加 ${formatPoints(p.each)} 分，共 ${formatPoints(raw)} 分${capText}：加 ${got} 分`;
      }
      if (n === 0) return isBase(kind) ? `未发现扣分事项，得满分：${got} 分` : '无扣分事项：0 分';
      const head = `发现 ${n} 次，每次扣 ${formatPoints(p.each)} 分，共 ${formatPoints(raw)} 分${capText}`;
      if (kind === 'deduction') return `${head}：扣 ${got} 分`;
      return `${head}：${pts} − ${formatPoints(Math.min(raw, cap))} = ${got} 分`;
    }
    case 'veto':
      return (input as { vetoed: boolean }).vetoed
        ? '发生一票否决事项：取消评先评优资格，排在本类别末位'
        : '未发生一票否决事项';
    case 'judgement': {
      if (kind === 'deduction') return `考核责任单位认定扣 ${got} 分（最多扣 ${pts} 分）`;
      if (kind === 'bonus') return `考核责任单位认定加 ${got} 分（最多加 ${pts} 分）`;
      return `考核责任单位综合评议 ${got} 分（满分 ${pts} 分）`;
    }
  }
}
