/** The supervision web's names shown in the UI (from electron/vocab). */
import {
  auditKind,
  auditState,
  complaintCategory,
  complaintChannel,
  complaintState,
  meetingAttendance,
  meetingState,
  transferBody,
  transferState,
} from '../vocab';

export const complaintChannels = complaintChannel.values;
export const complaintChannelLabels = complaintChannel.labels;
export const complaintCategories = complaintCategory.values;
export const complaintCategoryLabels = complaintCategory.labels;
export const complaintStateLabels = complaintState.labels;
export const auditKinds = auditKind.values;
export const auditKindLabels = auditKind.labels;
export const auditStateLabels = auditState.labels;
export const transferBodies = transferBody.values;
export const transferBodyLabels = transferBody.labels;
export const transferStateLabels = transferState.labels;
export const meetingStateLabels = meetingState.labels;
export const meetingAttendances = meetingAttendance.values;
export const meetingAttendanceLabels = meetingAttendance.labels;
