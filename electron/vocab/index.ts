/** Every fixed vocabulary, in one place (imports nothing; every layer may import it). */
export { vocabulary, type Vocabulary, type ValueOf } from './define';
export { role } from './roles';
export { level, unitKind, nodeRelation } from './org';
export { planState, indicatorKind, scoringMethod, scoringMethodFor, letterState, reportState, lag } from './plans';
export { noticeKind, noticeState, rectificationState, checkKind, findingRating } from './supervision';
export { docKind, backupKind, calendarDayKind, jobKind, jobState } from './system';
export {
  autoSource,
  inputOfMethod,
  sourceFits,
  sourceFitsIndicator,
  type InputKind,
  scoreSheetState,
  scoreEntryKind,
} from './scoring';
export { rewardMethod } from './rewards';
export {
  ruleTableKind,
  ruleTableSpecs,
  type RuleTableKindName,
  type RuleColumn,
  type RuleRow,
  type RuleTableSpec,
} from './rule-tables';
export { costMeasure, costBasis, approvalStanding } from './efficiency';
export { publicationSubject, publicationState, objectionState, objectionOutcome } from './publication';
export { firstRunStep } from './first-run';
export {
  complaintChannel,
  complaintCategory,
  complaintState,
  auditKind,
  auditState,
  transferBody,
  transferState,
  meetingState,
  meetingAttendance,
} from './supervision-web';
export {
  clueSource,
  clueState,
  caseState,
  faultCategory,
  faultDegree,
  responsibilityType,
  subjectKind,
  statementState,
  decisionState,
  appealOutcome,
  appealKind,
  incidentReviewState,
} from './accountability';
export { staffGrade, measureCategory, movedUnitRule, trainingCategory, archiveSection } from './staff';
