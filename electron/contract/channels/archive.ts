import { z } from 'zod';
import { archiveSection } from '../../vocab';
import { channel } from '../channel';
import { recordId } from '../limits';
import { fileOut } from './plans';

/**
 * The person archive (干部档案 / 廉政档案): one page gathering what the registers know of a person, each line linked
 * to its record. Lines of case content (decisions, measures) reach only the roles that may read cases.
 */

const readers = ['evaluator', 'leader'] as const;

export const archiveLine = z.object({
  section: z.enum(archiveSection.values),
  date: z.string(),
  title: z.string(),
  detail: z.string(),
  restricted: z.boolean(),
  source: z.object({ kind: z.string(), uuid: z.string(), label: z.string() }),
});

export const archiveView = z.object({
  person: z.object({
    id: z.number().int(),
    code: z.string().nullable(),
    name: z.string(),
    unitName: z.string(),
    post: z.string().nullable(),
    rank: z.string().nullable(),
    /** Always masked. */
    idNumber: z.string().nullable(),
    active: z.boolean(),
  }),
  lines: z.array(archiveLine),
  /** Lines of case content this caller may not read (left out). */
  hidden: z.number().int(),
});

export const archiveChannels = {
  'people.archive': channel({
    input: z.strictObject({ personId: recordId }),
    output: archiveView,
    roles: readers,
    writes: false,
    title: '查看人员档案',
  }),
  'people.archiveExport': channel({
    input: z.strictObject({
      personId: recordId,
      format: z.enum(['xlsx', 'docx'], { error: '格式只能是 Excel 或 Word' }),
    }),
    output: fileOut,
    roles: readers,
    writes: false,
    audited: true,
    title: '导出人员档案摘要',
  }),
};
