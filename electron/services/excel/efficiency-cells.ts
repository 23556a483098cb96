import { readDate } from '../../core';

/**
 * Cells as 政务服务 exports and finance offices write them: dates with or without a time (2026-03-07 09:30:15,
 * 2013.04.05, 2026-3-7, an Excel date cell), limits as 15 / 15个工作日, amounts as 1,234.5 or 1234.5万元.
 */

/** A date to the day, or the reason it is not one. */
export function dayCell(text: string, numeric: boolean): { date: string } | { problem: string } {
  const t = text.replace(/(?:\s+|T)\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?$/, '').trim();
  const r = readDate(t, { numeric });
  if (r.kind === 'day') return { date: r.date };
  if (r.kind === 'month' || r.kind === 'ambiguous') return { problem: `“${text}”只写到月份，请写到日，如 2026-03-07` };
  return { problem: `“${text}”无法识别为日期（应如 2026-03-07、2026/3/7、2026年3月7日）` };
}

/** Working days: a whole number, optionally followed by 个工作日 / 工作日 / 日 / 天. */
export function daysCell(text: string): { days: number } | { problem: string } {
  const m = /^([-−]?\d+(?:\.\d+)?)\s*(?:个)?(?:工作日|日|天)?$/.exec(text.normalize('NFKC').trim());
  if (!m) return { problem: `“${text}”不是工作日数（应填整数，如 15）` };
  const n = Number(m[1]!.replace('−', '-'));
  if (n < 0) return { problem: `不能为负数（${text}）` };
  if (!Number.isInteger(n)) return { problem: `应为整数个工作日（${text}）` };
  if (n > 3650) return { problem: `“${text}”个工作日超出常理，请核对` };
  return { days: n };
}

/** An amount in 万元: thousands separators and a trailing 万元 allowed; never negative. */
export function amountCell(text: string): { amount: number } | { problem: string } {
  const t = text
    .normalize('NFKC')
    .replace(/[,，\s]/g, '')
    .replace(/万元$/, '');
  const n = Number(t);
  if (t === '' || !Number.isFinite(n)) return { problem: `“${text}”不是数字（金额以万元为单位）` };
  if (n < 0) return { problem: `不能为负数（${text}）` };
  if (n > 10_000_000) return { problem: `“${text}”万元超出常理，请核对单位（应为万元）` };
  return { amount: Math.round(n * 10000) / 10000 };
}
