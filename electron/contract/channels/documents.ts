import { z } from 'zod';
import { channel } from '../channel';
import { docKinds } from '../doc-kinds';
import { recordId, shortText } from '../limits';

const id = recordId;

export const documentRow = z.object({
  id: z.number().int(),
  kind: z.enum([...docKinds, 'combined']),
  number: z.string(),
  title: z.string(),
  subject: z.string().nullable(),
  fileName: z.string(),
  sha256: z.string(),
  madeBy: z.string(),
  madeAt: z.number().int(),
  voidedAt: z.number().int().nullable(),
  voidReason: z.string().nullable(),
});

export const documentsChannels = {
  'documents.list': channel({
    title: '查看公文登记簿',
    input: z.strictObject({
      kind: z.enum([...docKinds, 'combined']).optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      subject: z.string().max(100).optional(),
    }),
    output: z.array(documentRow),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'documents.content': channel({
    title: '读取公文文件',
    input: z.strictObject({ id }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'documents.open': channel({
    title: '用 Word/WPS 打开公文',
    input: z.strictObject({ id }),
    output: z.object({ opened: z.boolean(), message: z.string() }),
    roles: ['evaluator', 'leader'],
    writes: false,
    audited: true,
  }),
  'documents.print': channel({
    title: '打印公文',
    input: z.strictObject({
      ids: z
        .array(id)
        .min(1, '请先选择要打印的公文。')
        .max(200, '一次最多打印 200 份，请分批。')
        .refine((ids) => new Set(ids).size === ids.length, '同一份公文选了两次。'),
    }),
    output: z.object({
      /** word/wps/libreoffice: handed to it; pdf: no word processor here; browser: the web host cannot print */
      via: z.enum(['word', 'wps', 'libreoffice', 'pdf', 'browser']),
      printed: z.boolean(),
      message: z.string(),
      /** The 打印清单 of a batch (more than one document), to download first where nothing printed. */
      cover: z.object({ fileName: z.string(), base64: z.string() }).nullable(),
    }),
    roles: ['evaluator', 'leader'],
    writes: false,
    audited: true,
  }),
  'documents.void': channel({
    title: '作废公文',
    input: z.strictObject({ id, reason: shortText('作废原因', 200) }),
    output: documentRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['documents.list', 'letters.list'],
  }),
} as const;
