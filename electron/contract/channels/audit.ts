import { z } from 'zod';
import { channel } from '../channel';
import { noInput } from '../limits';

export const auditFilter = z.strictObject({
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
});

export const auditRow = z.object({
  seq: z.number().int(),
  at: z.number(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  title: z.string(),
  target: z.string().nullable(),
  detail: z.string(),
});

export const auditChannels = {
  'audit.list': channel({
    title: '查看审计日志',
    input: auditFilter.extend({
      offset: z.number().int().nonnegative().max(10_000_000).default(0),
      limit: z.number().int().positive().max(500).default(50),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(auditRow) }),
    roles: ['auditor'],
    writes: false,
  }),
  'audit.verify': channel({
    title: '校验审计日志',
    input: z.strictObject({
      /** Checkpoints the auditor filed on paper: the sequence number and the hash (its first 16 digits at least). */
      checkpoints: z
        .array(
          z.strictObject({
            seq: z.number({ error: '请填写检查点的序号' }).int().positive({ error: '序号应为正整数' }),
            hash: z
              .string()
              .transform((h) => h.replace(/\s+/g, '').toLowerCase())
              .pipe(z.string().regex(/^[0-9a-f]{16,64}$/, { error: '校验值应为至少 16 位的十六进制数字（0-9、a-f）' })),
          }),
        )
        .max(20)
        .default([]),
    }),
    output: z.object({
      ok: z.boolean(),
      count: z.number().int(),
      head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
      broken: z
        .object({
          seq: z.number().int(),
          position: z.number().int(),
          kind: z.enum(['edited', 'missing', 'reordered']),
          message: z.string(),
        })
        .nullable(),
      /** Entries lost or rewritten: found earlier and recorded in the trail, or found now against an anchor. */
      losses: z.array(z.object({ message: z.string(), recordedAt: z.number().nullable() })),
      anchorsChecked: z.number().int(),
    }),
    roles: ['auditor'],
    writes: false,
  }),
  'audit.checkpoint': channel({
    title: '打印审计日志检查点',
    input: noInput,
    output: z.object({ fileName: z.string(), base64: z.string(), seq: z.number().int(), hash: z.string() }),
    roles: ['auditor'],
    writes: false,
    audited: true,
    refreshes: ['audit.list'],
  }),
  'audit.export': channel({
    title: '导出审计日志',
    input: auditFilter,
    output: z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() }),
    roles: ['auditor'],
    writes: false,
    audited: true,
    refreshes: ['audit.list'],
  }),
} as const;
