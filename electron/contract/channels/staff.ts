import { z } from 'zod';
import { measureCategory, movedUnitRule, staffGrade } from '../../vocab';
import { channel } from '../channel';
import { fileFields, isoDate, longText, noInput, oneFile, oneFileError, recordId, shortText } from '../limits';
import { importResult } from './org';
import { fileOut } from './plans';

/**
 * 公务员年度考核 (issue #19): a unit's year — who is assessed, the proposed and final grades with the limits the
 * person's measures put on them and the unit's 优秀 quota — its settings, and the register of measures decided
 * by other bodies. Case content: the evaluator and the leader read, the evaluator writes.
 */

const readers = ['evaluator', 'leader'] as const;
const writers = ['evaluator'] as const;
const year = z
  .number({ error: '请选择年度' })
  .int()
  .min(2000, { error: '年度不正确' })
  .max(2100, { error: '年度不正确' });
const grade = z.enum(staffGrade.values, { error: '等次只能是优秀、称职、基本称职、不称职或不定等次' });
const roundKey = { year, unitId: recordId };

const limitView = z.object({
  effect: z.enum(['incompetent', 'noGrade', 'commentOnly', 'pending', 'notExcellent']),
  allowed: z.array(grade),
  reason: z.string(),
  source: z.object({ kind: z.string(), uuid: z.string(), label: z.string() }),
});

export const staffPersonRow = z.object({
  personId: z.number().int(),
  name: z.string(),
  post: z.string().nullable(),
  /** Always masked. */
  idNumber: z.string().nullable(),
  inScope: z.boolean(),
  /** Set by the office (null: as computed). */
  scopeSet: z.boolean(),
  outReason: z.string().nullable(),
  /** First in post during the year: perhaps a new recruit in probation (a hint; the office decides). */
  joinedOn: z.string().nullable(),
  /** Served in several units during the year: which one assesses, and why. */
  moved: z.string().nullable(),
  proposedGrade: grade.nullable(),
  comment: z.string(),
  finalGrade: grade.nullable(),
  noGradeNote: z.string().nullable(),
  limit: limitView.nullable(),
  /** Measures the grade-limits table does not list (not counted). */
  unlisted: z.array(z.string()),
  /** The grade-limits table version the stored grade was checked with. */
  ruleVersion: z.number().int().nullable(),
});

export const staffRoundView = z.object({
  year: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  roundId: z.number().int().nullable(),
  unitGrade: z.string().nullable(),
  unitGrades: z.array(z.string()),
  confirmedAt: z.number().nullable(),
  confirmedBy: z.string().nullable(),
  assessed: z.number().int(),
  share: z.number(),
  shareBasis: z.string(),
  quota: z.number().int(),
  proposedExcellent: z.number().int(),
  finalExcellent: z.number().int(),
  /** 规则表“处分与年度考核等次”第 n 版 — the one a grade given now is checked with. */
  gradeRules: z.string(),
  gradeRuleVersion: z.number().int(),
  movedRule: z.string(),
  people: z.array(staffPersonRow),
});

export const staffSettings = z.strictObject({
  excellentShare: z
    .number({ error: '优秀比例应为数字' })
    .min(1, { error: '优秀比例至少 1%' })
    .max(25, { error: '优秀比例最多 25%（经批准的上限）' }),
  byUnitGrade: z.boolean({ error: '请选择是否按单位等次确定优秀比例' }),
  movedUnit: z.enum(movedUnitRule.values, { error: '请选择年中调动人员的考核单位' }),
  trainingHours: z
    .number({ error: '年度培训学时应为数字' })
    .min(0, { error: '年度培训学时不能为负' })
    .max(1000, { error: '年度培训学时不能超过 1000' }),
});

export const measureRow = z.object({
  id: z.number().int(),
  uuid: z.string(),
  personId: z.number().int(),
  personName: z.string(),
  unitName: z.string(),
  category: z.enum(measureCategory.values),
  measure: z.string(),
  body: z.string(),
  decidedOn: z.string(),
  effectUntil: z.string().nullable(),
  docNo: z.string(),
  note: z.string(),
  createdBy: z.string(),
});

const measureFields = z
  .strictObject({
    id: recordId.optional(),
    personId: z.number({ error: '请选择人员' }).int().positive(),
    category: z.enum(measureCategory.values, { error: '类别只能是党纪处分、政务处分、组织处理、问责或其他' }),
    measure: shortText('处分或处理', 20),
    body: shortText('决定机关', 60),
    decidedOn: isoDate('决定日期'),
    effectUntil: isoDate('影响期截止日').nullable().optional(),
    docNo: z.string().trim().max(60, { error: '文号不能超过 60 个字' }).optional(),
    note: z.string().trim().max(500, { error: '备注不能超过 500 个字' }).optional(),
  })
  .refine((m) => !m.effectUntil || m.effectUntil >= m.decidedOn, {
    error: '影响期截止日不能早于决定日期',
    path: ['effectUntil'],
  });

const roundShown = ['staff.round', 'staff.posting', 'people.archive'];
const measuresFile = z.strictObject(fileFields('excel')).refine(oneFile, oneFileError);

export const staffChannels = {
  'staff.round': channel({
    input: z.strictObject(roundKey),
    output: staffRoundView,
    roles: readers,
    writes: false,
    title: '查看公务员年度考核',
  }),
  'staff.grade': channel({
    input: z.strictObject({
      ...roundKey,
      personId: recordId,
      proposedGrade: grade.nullable().optional(),
      comment: longText('主管领导评语', 1000).optional(),
      finalGrade: grade.nullable().optional(),
      noGradeNote: z.string().trim().max(500, { error: '不定等次说明不能超过 500 个字' }).nullable().optional(),
    }),
    output: z.object({ ok: z.literal(true) }),
    roles: writers,
    writes: true,
    refreshes: roundShown,
    title: '登记公务员年度考核等次',
  }),
  'staff.scope': channel({
    input: z
      .strictObject({
        ...roundKey,
        personId: recordId,
        /** null: back to as computed. */
        inScope: z.boolean().nullable(),
        reason: z.string().trim().max(200, { error: '原因不能超过 200 个字' }).optional(),
      })
      .refine((v) => v.inScope !== false || !!v.reason, { error: '请写明不参加等次评定的原因', path: ['reason'] }),
    output: z.object({ ok: z.literal(true) }),
    roles: writers,
    writes: true,
    refreshes: roundShown,
    title: '登记不参加年度考核等次评定的人员',
  }),
  'staff.unitGrade': channel({
    input: z.strictObject({ ...roundKey, unitGrade: z.string().trim().max(10).nullable() }),
    output: z.object({ ok: z.literal(true) }),
    roles: writers,
    writes: true,
    refreshes: roundShown,
    title: '登记单位目标考核等次（优秀比例）',
  }),
  'staff.confirm': channel({
    input: z.strictObject({ ...roundKey, undo: z.boolean().optional() }),
    output: z.object({ ok: z.literal(true) }),
    roles: writers,
    writes: true,
    refreshes: roundShown,
    title: '确定公务员年度考核等次',
  }),
  'staff.settings': channel({
    input: noInput,
    output: staffSettings,
    roles: readers,
    writes: false,
    title: '查看年度考核与培训设置',
  }),
  'staff.saveSettings': channel({
    input: staffSettings,
    output: staffSettings,
    roles: writers,
    writes: true,
    refreshes: ['staff.settings', 'staff.round', 'staff.posting', 'training.summary'],
    title: '修改年度考核与培训设置',
  }),
  'measures.list': channel({
    input: z.strictObject({ personId: recordId.optional(), year: year.optional() }),
    output: z.array(measureRow),
    roles: readers,
    writes: false,
    title: '查看处分与组织处理登记',
  }),
  'measures.save': channel({
    input: measureFields,
    output: z.object({ id: z.number().int() }),
    roles: writers,
    writes: true,
    refreshes: ['measures.list', ...roundShown],
    title: '登记处分或组织处理',
  }),
  'measures.remove': channel({
    input: z.strictObject({ id: recordId }),
    output: z.object({ ok: z.literal(true) }),
    roles: writers,
    writes: true,
    refreshes: ['measures.list', ...roundShown],
    title: '删除处分或组织处理登记',
  }),
  'measures.importPreview': channel({
    input: measuresFile,
    output: importResult,
    roles: writers,
    writes: false,
    title: '预览处分与组织处理导入',
  }),
  'measures.import': channel({
    input: measuresFile,
    output: importResult,
    roles: writers,
    writes: true,
    refreshes: ['measures.list', ...roundShown],
    title: '导入处分与组织处理',
  }),
  'measures.template': channel({
    input: noInput,
    output: fileOut,
    roles: writers,
    writes: false,
    title: '下载处分与组织处理导入模板',
  }),
};
