import { z } from 'zod';
import { channel } from '../channel';
import { docKinds } from '../doc-kinds';
import { levels } from '../levels';
import { noInput, shortText } from '../limits';
import { roles } from '../roles';

const prefix = z
  .string()
  .trim()
  .min(1, { error: '请填写发文代字' })
  .max(12, { error: '发文代字不能超过 12 个字' })
  .regex(/^[^〔〕[\]()（）0-9]+$/, { error: '发文代字不含括号和数字，例如“×考评办”' });

export const basicSettings = z.object({
  /** This installation's own unit, e.g. 某某县人民政府目标考评办公室. */
  unitName: z.string(),
  level: z.enum(levels),
  /** Issuing bodies' names as printed in the red header; the first is the default. */
  issuingBodies: z.array(z.string()),
  docPrefixes: z.record(z.enum(docKinds), z.string()),
  signatory: z.object({ name: z.string(), title: z.string() }),
  /** 甲方 of the responsibility letters (the body units answer to), and the clauses every letter prints. */
  letterPartyA: z.string(),
  /** Who signs the letters for 甲方 (the default when signings are registered). */
  letterPartyASigner: z.string(),
  letterClauses: z.object({ partyA: z.string(), partyB: z.string(), rewards: z.string(), other: z.string() }),
  /** Where and how the public raises an objection during a 公示 (printed on it). */
  publicityContact: z.object({ phone: z.string(), address: z.string() }),
  /** 移送处理: how many months the receiving body has to send its feedback (the transfer's due date). */
  transferFeedbackMonths: z.number().int(),
  idleLockMinutes: z.number().int(),
  autoBackupHours: z.number().int(),
  backupKeep: z.number().int(),
});

/**
 * 三员分立: the system administrator keeps the installation (its name and level, the lock and backup clocks); the
 * evaluator keeps what the office's documents say (issuing bodies, numbering, signatory, the letters' 甲方 and
 * clauses). Each half has its own channel; neither may set the other's.
 */
export const systemSettingsInput = z.strictObject({
  unitName: shortText('本单位名称', 60).optional(),
  level: z.enum(levels, { error: '级别只能是市级、县（区）级、乡镇（街道）或部门' }).optional(),
  idleLockMinutes: z
    .number()
    .int({ error: '请填写整数' })
    .min(1, { error: '至少 1 分钟' })
    .max(120, { error: '最多 120 分钟' })
    .optional(),
  autoBackupHours: z
    .number()
    .int({ error: '请填写整数' })
    .min(0, { error: '不能为负' })
    .max(168, { error: '最多 168 小时（7 天）' })
    .optional(),
  backupKeep: z
    .number()
    .int({ error: '请填写整数' })
    .min(1, { error: '至少保留 1 份' })
    .max(100, { error: '最多保留 100 份' })
    .optional(),
});
export const businessSettingsInput = z.strictObject({
  transferFeedbackMonths: z
    .number({ error: '请填写移送反馈期限' })
    .int({ error: '请填写整数' })
    .min(1, { error: '移送反馈期限至少 1 个月' })
    .max(12, { error: '移送反馈期限最多 12 个月' })
    .optional(),
  issuingBodies: z
    .array(shortText('发文机关名称', 40))
    .min(1, { error: '至少填写一个发文机关' })
    .max(5, { error: '发文机关最多 5 个' })
    .optional(),
  docPrefixes: z
    .strictObject(
      Object.fromEntries(docKinds.map((k) => [k, prefix.optional()])) as Record<
        (typeof docKinds)[number],
        z.ZodOptional<typeof prefix>
      >,
    )
    .optional(),
  signatory: z.strictObject({ name: shortText('签发人姓名', 20), title: shortText('签发人职务', 30) }).optional(),
  letterPartyA: shortText('责任书甲方', 60).optional(),
  letterPartyASigner: z.string().trim().max(30, { error: '甲方签字人不能超过 30 个字' }).optional(),
  letterClauses: z
    .strictObject({
      partyA: shortText('甲方责任条款', 1000),
      partyB: shortText('乙方责任条款', 1000),
      rewards: shortText('考核与奖惩条款', 1000),
      other: shortText('其他条款', 1000),
    })
    .optional(),
  publicityContact: z
    .strictObject({
      phone: z.string().trim().max(40, { error: '公示受理电话不能超过 40 个字' }),
      address: z.string().trim().max(100, { error: '公示受理地址不能超过 100 个字' }),
    })
    .optional(),
});

export const settingsChannels = {
  'settings.get': channel({
    title: '查看系统设置',
    input: noInput,
    output: basicSettings,
    roles,
    writes: false,
  }),
  'settings.update': channel({
    title: '修改系统设置',
    input: systemSettingsInput,
    output: basicSettings,
    roles: ['admin'],
    writes: true,
    refreshes: ['settings.get', 'system.info', 'system.firstRun'],
  }),
  /** What letters print changes with these: their list shows them out of date. */
  'settings.updateBusiness': channel({
    title: '修改公文与责任书设置',
    input: businessSettingsInput,
    output: basicSettings,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['settings.get', 'system.info', 'letters.list', 'system.firstRun'],
  }),
} as const;
