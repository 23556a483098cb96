import { z } from 'zod';
import { channel } from '../channel';
import { noInput } from '../limits';
import { jobStatus } from './jobs';

/** 数据交换 (issue #20): nodes and keys, packages to and from the level above and below, receipts. */

const filePath = z.string({ error: '请选择文件' }).trim().min(1, { error: '请选择文件' }).max(1024);
const dirPath = z.string({ error: '请选择保存位置' }).trim().min(1, { error: '请选择保存位置（U 盘）' }).max(1024);
const nodeId = z.string().min(1).max(100);
const relation = z.enum(['parent', 'child'], { error: '请选择对方是本机的上级还是下级' });
const exportInput = z.strictObject({ nodeId, dir: dirPath });
const inspectInput = z.strictObject({ file: filePath });
const importInput = z.strictObject({
  file: filePath,
  receiptDir: z.string().trim().min(1).max(1024).optional(),
  confirm: z.literal(true, { error: '请先试导入并确认' }),
});
const startNeeds = {
  nodeId: '请选择发给哪个节点',
  dir: '请选择保存位置（U 盘）',
  file: '请选择文件',
  confirm: '请先试导入并确认',
} as const;
const counts = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  conflicts: z.number(),
  errors: z.number(),
});
const wireRow = z.object({
  uuid: z.string(),
  owner: z.string(),
  version: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  deletedAt: z.number().nullable(),
  fields: z.record(z.string(), z.unknown()),
});
export const importSummary = z.object({
  byTable: z.record(z.string(), counts),
  totals: counts,
  files: z.number(),
  errors: z.array(z.object({ table: z.string(), uuid: z.string(), field: z.string(), message: z.string() })),
  conflicts: z.array(
    z.object({
      table: z.string(),
      uuid: z.string(),
      message: z.string(),
      incoming: wireRow,
      local: wireRow.nullable(),
    }),
  ),
});
const head = z.object({ seq: z.number(), hash: z.string(), count: z.number() }).nullable();
export const importOutcome = z.object({
  status: z.enum(['accepted', 'refused', 'checked']),
  stage: z.string().nullable(),
  stageLabel: z.string().nullable(),
  message: z.string(),
  header: z
    .object({
      packageId: z.string(),
      kind: z.enum(['data', 'receipt']),
      seq: z.number(),
      createdAt: z.number(),
      contents: z.record(z.string(), z.number()),
      files: z.number(),
      audit: head,
      from: z.string(),
      fromName: z.string(),
    })
    .nullable(),
  summary: importSummary,
  gap: z.number(),
  receiptFile: z.string().nullable(),
});

const packageRow = z.object({
  packageId: z.string(),
  direction: z.enum(['out', 'in']),
  kind: z.enum(['data', 'receipt']),
  peerNode: z.string(),
  peerName: z.string(),
  seq: z.number(),
  at: z.number(),
  fileName: z.string(),
  sizeBytes: z.number(),
  contents: z.record(z.string(), z.unknown()),
  receiptAt: z.number().nullable(),
  receiptStatus: z.string().nullable(),
  receiptMessage: z.string().nullable(),
  by: z.string(),
});

const reader = ['evaluator', 'leader', 'admin'] as const;
const writer = ['evaluator', 'admin'] as const;

export const exchangeChannels = {
  'exchange.overview': channel({
    title: '查看数据交换',
    input: noInput,
    output: z.object({
      self: z.object({
        nodeId: z.string(),
        name: z.string(),
        fingerprint: z.string(),
        keySince: z.number(),
        /** Unit mode: this installation is this unit's (its parent said so); only its reports go up. */
        unit: z.object({ id: z.number().nullable(), name: z.string() }).nullable(),
      }),
      nodes: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          relation: z.enum(['parent', 'child']),
          fingerprint: z.string().nullable(),
          keyStatus: z.enum(['trusted', 'replaced', 'revoked', 'none']),
          lastSent: z.object({ seq: z.number(), at: z.number() }).nullable(),
          lastReceived: z.object({ seq: z.number(), at: z.number() }).nullable(),
          awaitingReceipt: z.number(),
          /** A child that is one unit's installation: packages to it carry only what concerns the unit. */
          unit: z.object({ id: z.number().nullable(), name: z.string() }).nullable(),
        }),
      ),
      packages: z.array(packageRow),
    }),
    roles: reader,
    writes: false,
  }),
  'exchange.drives': channel({
    title: '列出可保存数据包的位置',
    input: noInput,
    output: z.array(z.object({ path: z.string(), label: z.string(), removable: z.boolean() })),
    roles: writer,
    writes: false,
  }),
  'exchange.registrationExport': channel({
    title: '导出本机注册文件',
    input: z.strictObject({ dir: dirPath }),
    output: z.object({ file: z.string(), fingerprint: z.string() }),
    roles: writer,
    writes: true,
    refreshes: [],
  }),
  'exchange.registrationInspect': channel({
    title: '查看注册文件',
    input: z.strictObject({ file: filePath }),
    output: z.object({
      nodeId: z.string(),
      name: z.string(),
      fingerprint: z.string(),
      knownAs: z.enum(['parent', 'child']).nullable(),
      sameKeys: z.boolean(),
      replacesKnownKey: z.boolean(),
    }),
    roles: writer,
    writes: false,
  }),
  'exchange.registrationAccept': channel({
    title: '核对指纹并信任上级或下级',
    input: z.strictObject({
      file: filePath,
      relation,
      fingerprint: z
        .string({ error: '请填写与对方核对过的指纹' })
        .trim()
        .min(1, { error: '请填写与对方核对过的指纹' })
        .max(40),
      /** For a child that is one unit's installation (a department or township PC): the unit. */
      unitId: z.number().int().positive().nullable().optional(),
    }),
    output: z.object({ name: z.string(), fingerprint: z.string(), changed: z.boolean() }),
    roles: writer,
    writes: true,
    refreshes: ['exchange.overview'],
  }),
  'exchange.bindUnit': channel({
    title: '指定下级对应的单位',
    input: z.strictObject({ nodeId, unitId: z.number().int().positive().nullable() }),
    output: z.object({ unitName: z.string().nullable() }),
    roles: writer,
    writes: true,
    refreshes: ['exchange.overview'],
  }),
  'exchange.replaceKeys': channel({
    title: '更换本机密钥',
    input: z.strictObject({
      dir: dirPath,
      /** The old key may have leaked: revoke it (a revocation file goes with the registration), no handover. */
      compromised: z.boolean().optional(),
      confirm: z.literal(true, { error: '请确认更换密钥' }),
    }),
    output: z.object({
      file: z.string(),
      fingerprint: z.string(),
      old: z.string(),
      revocationFile: z.string().nullable(),
    }),
    roles: ['admin'],
    writes: true,
    refreshes: ['exchange.overview'],
  }),
  'exchange.revoke': channel({
    title: '吊销上级或下级的密钥',
    input: z.strictObject({ nodeId, confirm: z.literal(true, { error: '请确认吊销' }) }),
    output: z.object({ revoked: z.number() }),
    roles: ['admin'],
    writes: true,
    refreshes: ['exchange.overview'],
  }),
  'exchange.revocationImport': channel({
    title: '导入上级或下级的密钥吊销文件',
    input: z.strictObject({ file: filePath }),
    output: z.object({ name: z.string(), fingerprint: z.string(), revoked: z.boolean() }),
    roles: writer,
    writes: true,
    refreshes: ['exchange.overview'],
  }),
  'exchange.export': channel({
    title: '导出数据包',
    input: exportInput,
    output: z.object({
      file: z.string(),
      seq: z.number(),
      contents: z.record(z.string(), z.number()),
      files: z.number(),
      sizeBytes: z.number(),
      sha256: z.string(),
    }),
    roles: writer,
    writes: true,
    refreshes: ['exchange.overview'],
  }),
  'exchange.inspect': channel({
    title: '检查数据包（试导入）',
    input: inspectInput,
    output: importOutcome,
    roles: writer,
    writes: false,
  }),
  'exchange.import': channel({
    title: '导入数据包',
    input: importInput,
    output: importOutcome,
    roles: writer,
    writes: true,
    refreshes: ['exchange.overview'],
  }),
  // the same three as a background job: counted progress, cancel (nothing kept), the outcome in the job's result
  'exchange.start': channel({
    title: '在后台导出、试导入或导入数据包',
    input: z
      .strictObject({
        action: z.enum(['export', 'inspect', 'import']),
        ...exportInput.partial().shape,
        ...importInput.partial().shape,
      })
      .superRefine((v, ctx) => {
        // what each action needs, said as its own channel says it
        const needs = { export: ['nodeId', 'dir'], inspect: ['file'], import: ['file', 'confirm'] } as const;
        for (const k of needs[v.action])
          if (v[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: startNeeds[k] });
      }),
    output: jobStatus,
    roles: writer,
    writes: false,
  }),
} as const;
