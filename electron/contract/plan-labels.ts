/** Plan, indicator and scoring-method names shown in the UI and printed in documents (from electron/vocab). */
import {
  autoSource,
  indicatorKind,
  lag,
  planState,
  reportState,
  scoreSheetState,
  scoringMethod,
  scoringMethodFor,
  sourceFitsIndicator,
  type ValueOf,
} from '../vocab';

export const planStates = planState.values;
export type PlanState = ValueOf<typeof planState>;
export const planStateLabels = planState.labels;

export const indicatorKinds = indicatorKind.values;
export type IndicatorKind = ValueOf<typeof indicatorKind>;
export const indicatorKindLabels = indicatorKind.labels;

export const scoringMethods = scoringMethod.values;
export type ScoringMethod = ValueOf<typeof scoringMethod>;
export const scoringMethodLabels = scoringMethod.labels;
/** The method's name for an item of a kind (a bonus item's per-occurrence method adds). */
export const scoringMethodLabelFor = scoringMethodFor;

export const reportStates = reportState.values;
export type ReportState = ValueOf<typeof reportState>;
export const reportStateLabels = reportState.labels;

export const lags = lag.values;
export type Lag = ValueOf<typeof lag>;
export const lagLabels = lag.labels;

export const autoSources = autoSource.values;
export type AutoSource = ValueOf<typeof autoSource>;
export const autoSourceLabels = autoSource.labels;
export { sourceFitsIndicator };

export const scoreSheetStates = scoreSheetState.values;
export type ScoreSheetState = ValueOf<typeof scoreSheetState>;
export const scoreSheetStateLabels = scoreSheetState.labels;
