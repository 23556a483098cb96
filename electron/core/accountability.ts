import type { RuleRow } from '../vocab';
import { addDays, addWorkingDays, type DayOverrides } from './calendar';

/**
 * Accountability facts computed from the rule tables' rows (never from constants here): the end of a period counted
 * in 日 or 工作日, the effects of a decision's forms, and the checks a decision must pass before its document is made.
 */

/** A period of the 问责救济与执行期限 table, as a rule names it. */
export interface PeriodRule {
  code: string;
  item: string;
  days: number;
  unit: '日' | '工作日';
  basis: string;
}

export function periodRule(rows: readonly RuleRow[], code: string, title: string): PeriodRule {
  const r = rows.find((x) => x.code === code);
  if (!r) throw new Error(`${title} has no row ${code}`);
  return {
    code,
    item: String(r.item),
    days: Number(r.days),
    unit: r.unit === '工作日' ? '工作日' : '日',
    basis: String(r.basis),
  };
}

/** The last day of a period counted from `from` (the day itself not counted), in calendar or working days. */
export function periodEnd(from: string, p: Pick<PeriodRule, 'days' | 'unit'>, cal: DayOverrides): string {
  return p.unit === '工作日' ? addWorkingDays(from, p.days, cal) : addDays(from, p.days);
}

/** How a period reads in a document: 15日 / 5个工作日. */
export const periodWords = (p: Pick<PeriodRule, 'days' | 'unit'>): string =>
  p.unit === '工作日' ? `${p.days}个工作日` : `${p.days}日`;

/** The last day of a period of `months` months that starts on `from` (2026-03-10 + 6 → 2026-09-09). */
export function monthsEnd(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const day = Math.min(d, last);
  return addDays(`${ty}-${String(tm).padStart(2, '0')}-${String(day).padStart(2, '0')}`, -1);
}

/** One form of a decision with what the forms table (of the version the decision used) says it does. */
export interface FormEffect {
  form: string;
  code: string;
  applies: '个人' | '单位';
  /** The last day of its 影响期, or null when it has none. */
  effectUntil: string | null;
  /** The last day of its bar on promotion, or null. */
  promotionBarUntil: string | null;
  /** No 优秀 (nor awards) in the year of the decision. */
  noExcellent: boolean;
  unitDeduction: boolean;
  basis: string;
}

export function formEffects(forms: readonly string[], rows: readonly RuleRow[], decidedOn: string): FormEffect[] {
  return forms.map((name) => {
    const r = rows.find((x) => x.form === name);
    if (!r) throw new Error(`form ${name} is not in the table`);
    const months = Number(r.effectMonths);
    const bar = Number(r.promotionBarMonths);
    return {
      form: name,
      code: String(r.code),
      applies: r.applies === '单位' ? '单位' : '个人',
      effectUntil: months > 0 ? monthsEnd(decidedOn, months) : null,
      promotionBarUntil: bar > 0 ? monthsEnd(decidedOn, bar) : null,
      noExcellent: r.noExcellent === true,
      unitDeduction: r.unitDeduction === true,
      basis: String(r.basis),
    };
  });
}

export interface DecisionDraft {
  subjectKind: 'unit' | 'person';
  forms: readonly string[];
  facts: string;
  basis: string;
  body: string;
}

/**
 * Why a decision may not be made yet, in the words a refusal uses, or null. The forms must be in the table the
 * decision will use and fit the subject (a unit's forms for a unit, a person's for a person).
 */
export function decisionProblem(d: DecisionDraft, rows: readonly RuleRow[], tableTitle: string): string | null {
  const missing = [
    d.facts.trim() ? null : '调查认定的事实',
    d.basis.trim() ? null : '问责依据',
    d.forms.length ? null : '问责方式',
    d.body.trim() ? null : '作出决定的机关',
  ].filter((x): x is string => x !== null);
  if (missing.length) return `问责决定书不能生成：请先写明${missing.join('、')}。`;
  if (new Set(d.forms).size !== d.forms.length) return '问责方式有重复，请检查。';
  const want = d.subjectKind === 'unit' ? '单位' : '个人';
  for (const f of d.forms) {
    const r = rows.find((x) => x.form === f);
    if (!r) return `“${f}”不在${tableTitle}中，请从表中选择问责方式。`;
    if (r.applies !== want) return `“${f}”按${tableTitle}适用于${r.applies}，不能用于被问责${want}。`;
  }
  return null;
}

/** Whether an appeal received on `receivedOn` is within the window that ends on `appealBy` (inclusive). */
export const appealLate = (receivedOn: string, appealBy: string): boolean => receivedOn > appealBy;
