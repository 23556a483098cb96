/** 公示 and 异议 names shown in the UI (from electron/vocab). */
import { objectionOutcome, objectionState, publicationState, type ValueOf } from '../vocab';

export type PublicationState = ValueOf<typeof publicationState>;
export const publicationStateLabels = publicationState.labels;
export type ObjectionState = ValueOf<typeof objectionState>;
export const objectionStateLabels = objectionState.labels;
export const objectionOutcomes = objectionOutcome.values;
export const objectionOutcomeLabels = objectionOutcome.labels;
export { inputOfMethod, type InputKind } from '../vocab';
