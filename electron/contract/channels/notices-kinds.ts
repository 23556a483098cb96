/** Notice, rectification and supervision names for the UI (from electron/vocab). */
import {
  checkKind,
  findingRating,
  jobState,
  noticeKind,
  noticeState,
  rectificationState,
  type ValueOf,
} from '../../vocab';

export const noticeKinds = noticeKind.values;
export type NoticeKindName = ValueOf<typeof noticeKind>;
export const noticeKindLabels = noticeKind.labels;
export const noticeStateLabels = noticeState.labels;
export const rectificationStateLabels = rectificationState.labels;
export const checkKinds = checkKind.values;
export const checkKindLabels = checkKind.labels;
export const jobStateLabels = jobState.labels;
export const findingRatings = findingRating.values;
export const findingRatingLabels = findingRating.labels;
