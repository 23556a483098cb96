import { z } from 'zod';
import { UPLOAD_LIMITS, type UploadKind, tooLargeMessage } from './upload-limits';

/** Short single-line text (names, codes): trimmed, bounded. */
export const shortText = (label: string, max = 100) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });

/** Longer free text (duties, narratives). */
export const longText = (label: string, max = 5000) =>
  z.string({ error: `${label}应为文字` }).max(max, { error: `${label}不能超过 ${max} 个字` });

export const noInput = z.strictObject({});

/** A record's id, as every channel takes it. */
export const recordId = z.number({ error: '缺少编号' }).int().positive();

/** A date as the office's forms send it (2026-01-01). */
export const isoDate = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 2026-01-01` });

/** An upload's server-side reference (web host: POST /api/upload; desktop: the same through IPC). */
export const uploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: '上传的文件编号不正确，请重新选择文件' });

/**
 * A file a channel takes: uploaded first and named by its id (the windows), or inline as base64 (the command
 * line, tests), never larger than its kind's limit.
 */
export const fileFields = (kind: UploadKind) => ({
  fileName: z.string().trim().min(1, { error: '缺少文件名' }).max(200),
  uploadId: uploadId.optional(),
  base64: z
    .string()
    .max(Math.ceil((UPLOAD_LIMITS[kind].bytes * 4) / 3) + 4, { error: tooLargeMessage(kind) })
    .optional(),
});

/** Exactly one of uploadId and base64. */
export const oneFile = (v: { uploadId?: string; base64?: string }) =>
  (v.uploadId === undefined) !== (v.base64 === undefined);
export const oneFileError = { error: '请选择要上传的文件', path: ['uploadId'] };
