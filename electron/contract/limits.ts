import { z } from 'zod';

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
