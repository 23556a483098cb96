import { z } from 'zod';
import { backupKinds } from '../../contract/backup-kinds';

/**
 * A backup is a zip (.kpbak) holding manifest.json, kaoping.db (made with SQLite's backup API),
 * attachments/<sha256> and documents/<kind>/<year>/<file> (every registered document's file). The
 * manifest carries the SHA-256 of every other entry, and the audit trail's head when it was made.
 * Format 1 (before documents and the audit head) is still read.
 */
export const BACKUP_EXT = '.kpbak';
export const BACKUP_FORMAT = 'kaoping-backup';
export const BACKUP_FORMAT_VERSION = 2;
export const MANIFEST = 'manifest.json';
export const DB_ENTRY = 'kaoping.db';
const DOCUMENT_ENTRY = String.raw`documents/[a-zA-Z]+/\d{4}/[^/\\:*?"<>|.][^/\\:*?"<>|]*\.docx`;
export const ENTRY_NAME = new RegExp(
  String.raw`^(manifest\.json|kaoping\.db|attachments/[0-9a-f]{64}|${DOCUMENT_ENTRY})$`,
);
export const DOCUMENTS_PREFIX = 'documents/';
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
  /** Registered documents' files, by their entry name; format 1 had none. */
  documents: z
    .array(
      z.object({
        path: z.string().regex(ENTRY_NAME),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        size: z.number().int().nonnegative(),
      }),
    )
    .default([]),
  /** Registered documents whose file was missing or altered when the backup was made. */
  missingDocuments: z
    .array(z.object({ number: z.string(), path: z.string(), reason: z.enum(['missing', 'altered']) }))
    .default([]),
  /** The audit trail's head in the backed-up database: an anchor the trail is later checked against. */
  audit: z
    .object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/), count: z.number().int() })
    .nullable()
    .default(null),
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
    documents: m.documents.length,
    missingDocuments: m.missingDocuments.length,
    auditHead: m.audit ? m.audit.seq : null,
  };
}
export type BackupSummary = ReturnType<typeof summaryOf>;
