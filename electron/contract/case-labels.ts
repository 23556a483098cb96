/** 责任追究 names shown in the UI (from electron/vocab). */
import {
  appealKind,
  appealOutcome,
  caseState,
  clueSource,
  clueState,
  decisionState,
  faultCategory,
  faultDegree,
  responsibilityType,
  statementState,
  incidentReviewState,
} from '../vocab';

export const caseStateLabels = caseState.labels;
export const clueSourceLabels = clueSource.labels;
export const clueStateLabels = clueState.labels;
export const decisionStateLabels = decisionState.labels;
export const faultCategories = faultCategory.values;
export const faultCategoryLabels = faultCategory.labels;
export const faultDegrees = faultDegree.values;
export const faultDegreeLabels = faultDegree.labels;
export const responsibilityTypes = responsibilityType.values;
export const responsibilityTypeLabels = responsibilityType.labels;
export const statementStateLabels = statementState.labels;
export const appealKinds = appealKind.values;
export const appealKindLabels = appealKind.labels;
export const appealOutcomes = appealOutcome.values;
export const appealOutcomeLabels = appealOutcome.labels;
export const incidentReviewStateLabels = incidentReviewState.labels;
