/** Plain values the renderer may import at run time (no zod): role and level names. */
export { roles, roleLabels, type Role, type Caller } from './roles';
export { levels, levelLabels, type Level } from './levels';
export { docKinds, docKindLabels, type DocKind } from './doc-kinds';
export { backupKindLabels } from './backup-kinds';
export { unitKinds, unitKindLabels, type UnitKind } from './org-labels';
export {
  planStates,
  planStateLabels,
  indicatorKinds,
  indicatorKindLabels,
  scoringMethods,
  scoringMethodLabels,
  scoringMethodLabelFor,
  autoSources,
  autoSourceLabels,
  sourceFitsIndicator,
  type AutoSource,
  reportStates,
  reportStateLabels,
  lags,
  lagLabels,
  type PlanState,
  type IndicatorKind,
  type ScoringMethod,
  type ReportState,
  type Lag,
  scoreSheetStates,
  scoreSheetStateLabels,
  type ScoreSheetState,
} from './plan-labels';
export {
  noticeKinds,
  noticeKindLabels,
  noticeStateLabels,
  rectificationStateLabels,
  checkKinds,
  checkKindLabels,
  findingRatings,
  findingRatingLabels,
  jobStateLabels,
  type NoticeKindName,
} from './channels/notices-kinds';
export { UPLOAD_LIMITS, uploadLimitMb, tooLargeMessage, type UploadKind } from './upload-limits';
export {
  approvalStandingLabels,
  costMeasures,
  costMeasureLabels,
  costBases,
  costBasisLabels,
} from './efficiency-labels';
export { rewardMethods, rewardMethodLabels, type RewardMethodName } from './reward-labels';
export {
  publicationStateLabels,
  objectionStateLabels,
  objectionOutcomes,
  objectionOutcomeLabels,
  type PublicationState,
  type ObjectionState,
  inputOfMethod,
  type InputKind,
} from './publication-labels';
export * from './supervision-labels';
export {
  caseStateLabels,
  clueSourceLabels,
  clueStateLabels,
  decisionStateLabels,
  faultCategories,
  faultCategoryLabels,
  faultDegrees,
  faultDegreeLabels,
  responsibilityTypes,
  responsibilityTypeLabels,
  statementStateLabels,
  appealKinds,
  appealKindLabels,
  appealOutcomes,
  appealOutcomeLabels,
  incidentReviewStateLabels,
} from './case-labels';
export {
  tableLabels,
  tableLabel,
  keyStatusLabels,
  relationLabels,
  packageKindLabels,
  directionLabels,
} from './exchange-labels';
