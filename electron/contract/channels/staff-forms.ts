import { z } from 'zod';
import { channel } from '../channel';
import { recordId } from '../limits';
import { jobStatus } from './jobs';
import { fileOut } from './plans';

/** 公务员年度考核登记表: one person's, or a unit's bound volume made as a job (progress, cancel). */

const roles = ['evaluator', 'leader'] as const;
const year = z.number({ error: '请选择年度' }).int().min(2000).max(2100);

export const staffFormsChannels = {
  'staff.form': channel({
    input: z.strictObject({ year, unitId: recordId, personId: recordId }),
    output: fileOut,
    roles,
    writes: false,
    audited: true,
    title: '生成公务员年度考核登记表',
  }),
  'staff.formsBatch': channel({
    input: z.strictObject({ year, unitId: recordId }),
    output: jobStatus,
    roles,
    writes: false,
    title: '批量生成公务员年度考核登记表合订本',
  }),
  'staff.formsVolume': channel({
    input: z.strictObject({ year, unitId: recordId }),
    output: fileOut,
    roles,
    writes: false,
    audited: true,
    title: '下载公务员年度考核登记表合订本',
  }),
  'staff.summaryExport': channel({
    input: z.strictObject({ year, unitId: recordId }),
    output: fileOut,
    roles,
    writes: false,
    audited: true,
    title: '导出公务员年度考核结果汇总表',
  }),
};
