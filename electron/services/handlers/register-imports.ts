import type { Handlers } from '../handler';
import { registerImport } from '../excel/register-import';
import { auditsTemplate, planAuditImport, writeAuditImport } from '../excel/audit-import';

/** Excel import of 审计、移送、联席会议 (#18): the four handlers of each, from one pattern (registerImport). */

const audits = registerImport({
  plan: planAuditImport,
  write: writeAuditImport,
  target: 'audits',
  template: auditsTemplate,
  templateName: '审计发现导入模板.xlsx',
});

export const registerImportsHandlers: Handlers<
  'audits.importPreview' | 'audits.import' | 'audits.importErrors' | 'audits.template'
> = {
  'audits.importPreview': audits.preview,
  'audits.import': audits.commit,
  'audits.importErrors': audits.errors,
  'audits.template': audits.template,
};
