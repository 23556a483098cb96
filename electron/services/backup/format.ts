import { z } from 'zod';
import { backupKinds } from '../../contract/backup-kinds';

/**
 * A backup is a zip (.kpbak) holding manifest.json, kaoping.db (made with SQLite's backup API)
 * and attachments/<sha256>. The manifest carries the SHA-256 of every other entry.
 */
export const BACKUP_EXT = '.kpbak';
export const BACKUP_FORMAT = 'kaoping-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const DB_ENTRY = 'kaoping.db';
export const ENTRY_NAME = /^(manifest\.json|kaoping\.db|attachments\/[0-9a-f]{64})$/;
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const MAX_ENTRY_BYTES = 8 * 1024 * 1024 * 1024;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  kind: z.enum(backupKinds),
  createdAt: z.number(),
  createdBy: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  nodeId: z.string(),
  unitName: z.string(),
  counts: z.record(z.string(), z.number()),
  db: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() }),
  attachments: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function summaryOf(file: string, m: Manifest, sizeBytes: number) {
  return {
    file,
    fileName: file.split(/[\\/]/).pop()!,
    kind: m.kind,
    createdAt: m.createdAt,
    createdBy: m.createdBy,
    sizeBytes,
    schemaVersion: m.schemaVersion,
    appVersion: m.appVersion,
    nodeId: m.nodeId,
    unitName: m.unitName,
    counts: m.counts,
    attachments: m.attachments.length,
  };
}
export type BackupSummary = ReturnType<typeof summaryOf>;
