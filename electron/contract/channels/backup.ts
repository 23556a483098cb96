import { z } from 'zod';
import { channel } from '../channel';
import { noInput } from '../limits';
import { backupKinds } from '../backup-kinds';

export const backupSummary = z.object({
  file: z.string(),
  fileName: z.string(),
  kind: z.enum(backupKinds),
  createdAt: z.number(),
  createdBy: z.string(),
  sizeBytes: z.number(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  nodeId: z.string(),
  unitName: z.string(),
  counts: z.record(z.string(), z.number()),
  attachments: z.number().int(),
  /** Registered documents' files held, and those that were missing or altered when it was made. */
  documents: z.number().int(),
  missingDocuments: z.number().int(),
  /** The audit trail's last sequence number in the backup (null in backups of format 1). */
  auditHead: z.number().int().nullable(),
});

const filePath = z.string({ error: '请填写备份文件路径' }).trim().min(1, { error: '请填写备份文件路径' }).max(1024);

export const backupChannels = {
  'backup.list': channel({
    title: '查看备份',
    input: noInput,
    output: z.object({ dir: z.string(), backups: z.array(backupSummary.extend({ recorded: z.boolean() })) }),
    roles: ['admin'],
    writes: false,
  }),
  'backup.create': channel({
    title: '立即备份',
    input: z.strictObject({ dir: z.string().trim().min(1).max(1024).optional() }),
    output: backupSummary,
    roles: ['admin'],
    writes: true,
    refreshes: ['backup.list'],
  }),
  'backup.inspect': channel({
    title: '检查备份文件',
    input: z.strictObject({ file: filePath }),
    output: backupSummary.extend({ sameInstallation: z.boolean() }),
    roles: ['admin'],
    writes: false,
  }),
  'backup.restore': channel({
    restores: true,
    title: '从备份恢复',
    input: z.strictObject({ file: filePath, confirm: z.literal(true, { error: '恢复会替换当前全部数据，请确认' }) }),
    output: z.object({ restored: backupSummary, safetyBackup: z.string(), auditSummary: z.string() }),
    roles: ['admin'],
    writes: true,
    // everything changes, but every session ends with it: the window goes back to signing in
    refreshes: [],
  }),
  'backup.restoreNew': channel({
    restores: true,
    title: '新安装从备份恢复',
    access: 'public',
    input: z.strictObject({ file: filePath, confirm: z.literal(true, { error: '恢复会替换当前全部数据，请确认' }) }),
    output: z.object({ restored: backupSummary, safetyBackup: z.string(), auditSummary: z.string() }),
    roles: ['admin'],
    writes: true,
    refreshes: [],
  }),
} as const;
