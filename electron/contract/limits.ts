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
