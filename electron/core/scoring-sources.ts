/**
 * Which indicators a source of automatic points can feed: the input a source gives must be the input the
 * indicator's method reads. The table is vocab/scoring.ts (the renderer's form reads it too); here its refusals.
 */

import { type InputKind, autoSource, inputOfMethod, sourceFits, type ValueOf } from '../vocab';
import type { IndicatorKindName, MethodName, ScoreInput } from './plans';

export type { InputKind };

export type AutoSourceName = ValueOf<typeof autoSource>;
export const isAutoSource = (s: string): s is AutoSourceName => (autoSource.values as readonly string[]).includes(s);

/** Why an indicator of this kind and method cannot take its points from `source`, or null. */
export function autoSourceProblem(kind: IndicatorKindName, method: MethodName, source: string | null): string | null {
  if (source === null) return null;
  if (!isAutoSource(source)) return `未知的计分来源“${source}”`;
  const fit = sourceFits[source];
  const label = autoSource.label(source);
  if (!fit.kinds.includes(kind)) return `“${label}”不能用于这类指标`;
  if (!fit.inputs.includes(inputOfMethod[method])) return `“${label}”不能配合这种计分方法使用`;
  return null;
}

/** The kind of input an entry carries. */
export function inputKindOf(input: ScoreInput): InputKind {
  if ('rate' in input) return 'rate';
  if ('grade' in input) return 'grade';
  if ('occurrences' in input) return 'occurrences';
  if ('vetoed' in input) return 'vetoed';
  return 'points';
}
