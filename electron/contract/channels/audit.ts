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
    input: noInput,
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
    }),
    roles: ['auditor'],
    writes: false,
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
