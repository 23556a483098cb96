import type { Handlers } from '../handler';
import { registerImport } from '../excel/register-import';
import { auditsTemplate, planAuditImport, writeAuditImport } from '../excel/audit-import';
import { meetingsTemplate, planMeetingImport, writeMeetingImport } from '../excel/meeting-import';
import { planTransferImport, transfersTemplate, writeTransferImport } from '../excel/transfer-import';

/** Excel import of 审计、移送、联席会议 (#18): the four handlers of each, from one pattern (registerImport). */

const audits = registerImport({
  plan: planAuditImport,
  write: writeAuditImport,
  target: 'audits',
  template: auditsTemplate,
  templateName: '审计发现导入模板.xlsx',
});

const transfers = registerImport({
  plan: planTransferImport,
  write: writeTransferImport,
  target: 'transfers',
  template: transfersTemplate,
  templateName: '移送处理导入模板.xlsx',
});

const meetings = registerImport({
  plan: planMeetingImport,
  write: writeMeetingImport,
  target: 'meetings',
  template: meetingsTemplate,
  templateName: '联席会议导入模板.xlsx',
});

export const registerImportsHandlers: Handlers<
  | 'audits.importPreview'
  | 'audits.import'
  | 'audits.importErrors'
  | 'audits.template'
  | 'transfers.importPreview'
  | 'transfers.import'
  | 'transfers.importErrors'
  | 'transfers.template'
  | 'meetings.importPreview'
  | 'meetings.import'
  | 'meetings.importErrors'
  | 'meetings.template'
> = {
  'audits.importPreview': audits.preview,
  'audits.import': audits.commit,
  'audits.importErrors': audits.errors,
  'audits.template': audits.template,
  'transfers.importPreview': transfers.preview,
  'transfers.import': transfers.commit,
  'transfers.importErrors': transfers.errors,
  'transfers.template': transfers.template,
  'meetings.importPreview': meetings.preview,
  'meetings.import': meetings.commit,
  'meetings.importErrors': meetings.errors,
  'meetings.template': meetings.template,
};
