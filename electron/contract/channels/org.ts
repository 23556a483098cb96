import { z } from 'zod';
import { channel } from '../channel';
import { fileFields, noInput, oneFile, oneFileError, recordId, shortText } from '../limits';
import { unitKinds } from '../org-labels';

const orgReaders = ['evaluator', 'leader', 'clerk'] as const;
const orgWriters = ['evaluator'] as const;
const id = recordId;
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .nullable()
    .optional();

/** Lists that show a unit's name or category: a changed unit makes them stale. */
const unitNameShown = [
  'units.list',
  'categories.list',
  'people.list',
  'plans.get',
  'targets.list',
  'targets.page',
  'letters.list',
  'reports.list',
  'notices.list',
  'rectify.list',
  'board.list',
  'checks.list',
];
/** Lists that show a person (the unit's head, a target's leader) or count them. */
const personShown = [
  'people.list',
  'people.get',
  'units.list',
  'targets.list',
  'targets.page',
  'letters.list',
  'reports.list',
  'notices.list',
  'board.list',
];

export const categoryRow = z.object({
  id: z.number().int(),
  name: z.string(),
  sortOrder: z.number().int(),
  units: z.number().int(),
});

export const unitRow = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(unitKinds),
  parentId: z.number().int().nullable(),
  categoryId: z.number().int().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  isOwn: z.boolean(),
  people: z.number().int(),
});

const unitCode = z
  .string({ error: '请填写单位代码' })
  .trim()
  .min(1, { error: '请填写单位代码' })
  .max(32, { error: '单位代码不能超过 32 个字符' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '单位代码只能由字母、数字、短横线和下划线组成' });

const unitFields = {
  code: unitCode,
  name: shortText('单位名称', 60),
  shortName: optionalText('简称', 20),
  kind: z.enum(unitKinds, { error: '请选择单位类型' }),
  parentId: z.number().int().positive().nullable().optional(),
  categoryId: z.number().int().positive().nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
};

export const personRow = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  /** The unit's parent below the top of the tree, to tell the twelve 财政所 apart. */
  parentUnitName: z.string().nullable(),
  post: z.string().nullable(),
  rank: z.string().nullable(),
  isLeader: z.boolean(),
  isUnitHead: z.boolean(),
  phone: z.string().nullable(),
  /** Always masked. */
  idNumber: z.string().nullable(),
  active: z.boolean(),
});

const personFields = {
  code: optionalText('人员编号', 32),
  name: shortText('姓名', 30),
  unitId: id,
  post: optionalText('职务', 40),
  rank: optionalText('职级', 30),
  isLeader: z.boolean().optional(),
  isUnitHead: z.boolean().optional(),
  phone: optionalText('联系电话', 30),
  idNumber: optionalText('身份证号', 18),
  duties: z.string().max(5000, { error: '岗位职责不能超过 5000 个字' }).optional(),
  fromDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '任职日期格式应为 2026-01-01' })
    .optional(),
};

export const importRow = z.object({
  row: z.number().int(),
  key: z.string(),
  name: z.string(),
  status: z.enum(['create', 'update', 'same', 'error']),
  /** The sheet of the row, when a file has two (审计发现 and its 整改事项). */
  sheet: z.string().optional(),
  /** Where and why, in Chinese: 第 3 行“上级单位代码”：找不到单位 X01 */
  messages: z.array(z.object({ column: z.string(), message: z.string() })),
  /** What imports but wants the clerk's eye: a date with two readings (2013.1 is January or October). */
  warnings: z.array(z.object({ column: z.string(), message: z.string() })).optional(),
});
export const importResult = z.object({
  rows: z.array(importRow),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    same: z.number().int(),
    error: z.number().int(),
  }),
  notices: z.array(z.string()),
  committed: z.boolean(),
  /** Dates with two readings, each waiting for the clerk's choice (dotOneMonth) before the import commits. */
  ambiguous: z.number().int().optional(),
});
const importFile = z.strictObject(fileFields('excel')).refine(oneFile, oneFileError);
/** A people workbook; dotOneMonth is the clerk's reading of a number cell 2013.1: January (1) or October (10). */
const peopleFile = z
  .strictObject({ ...fileFields('excel'), dotOneMonth: z.union([z.literal(1), z.literal(10)]).optional() })
  .refine(oneFile, oneFileError);
const fileOut = z.object({ fileName: z.string(), base64: z.string() });

export const orgChannels = {
  'categories.list': channel({
    title: '查看考核类别',
    input: noInput,
    output: z.array(categoryRow),
    roles: orgReaders,
    writes: false,
  }),
  'categories.save': channel({
    title: '保存考核类别',
    input: z.strictObject({
      id: id.optional(),
      name: shortText('类别名称', 20),
      sortOrder: z.number().int().min(0).max(10_000).optional(),
    }),
    output: categoryRow,
    roles: orgWriters,
    writes: true,
    refreshes: ['categories.list', 'letters.list', 'plans.get'],
  }),
  'categories.remove': channel({
    title: '删除考核类别',
    input: z.strictObject({ id }),
    output: z.object({}),
    roles: orgWriters,
    writes: true,
    refreshes: ['categories.list', 'plans.get'],
  }),

  'units.list': channel({
    title: '查看单位',
    input: noInput,
    output: z.array(unitRow),
    roles: orgReaders,
    writes: false,
  }),
  'units.create': channel({
    title: '新建单位',
    input: z.strictObject(unitFields),
    output: unitRow,
    roles: orgWriters,
    writes: true,
    refreshes: ['units.list', 'categories.list', 'letters.list'],
  }),
  'units.update': channel({
    title: '修改单位',
    input: z.strictObject({
      id,
      ...unitFields,
      code: unitCode.optional(),
      name: shortText('单位名称', 60).optional(),
      kind: unitFields.kind.optional(),
    }),
    output: unitRow,
    roles: orgWriters,
    writes: true,
    refreshes: unitNameShown,
  }),
  'units.setActive': channel({
    title: '启用或停用单位',
    input: z.strictObject({ id, active: z.boolean() }),
    output: unitRow,
    roles: orgWriters,
    writes: true,
    refreshes: ['units.list', 'categories.list', 'letters.list'],
  }),
  'units.setOwn': channel({
    title: '设置本单位',
    input: z.strictObject({ id }),
    output: unitRow,
    roles: orgWriters,
    writes: true,
    refreshes: ['units.list'],
  }),
  'units.importPreview': channel({
    title: '预览单位导入',
    input: importFile,
    output: importResult,
    roles: orgWriters,
    writes: false,
  }),
  'units.import': channel({
    title: '导入单位',
    input: importFile,
    output: importResult,
    roles: orgWriters,
    writes: true,
    refreshes: unitNameShown,
  }),
  'units.importErrors': channel({
    title: '下载标注错误的单位文件',
    input: importFile,
    output: fileOut,
    roles: orgWriters,
    writes: false,
  }),
  'units.export': channel({
    title: '导出单位',
    input: noInput,
    output: fileOut,
    roles: orgReaders,
    writes: false,
    audited: true,
  }),
  'units.template': channel({
    title: '下载单位导入模板',
    input: noInput,
    output: fileOut,
    roles: orgWriters,
    writes: false,
  }),

  'people.list': channel({
    title: '查看人员',
    input: z.strictObject({
      unitId: id.optional(),
      includeSubunits: z.boolean().default(true),
      search: z.string().trim().max(40).optional(),
      includeInactive: z.boolean().default(false),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(personRow) }),
    roles: orgReaders,
    writes: false,
  }),
  'people.get': channel({
    title: '查看人员详情',
    input: z.strictObject({ id }),
    output: personRow.extend({
      posts: z.array(
        z.object({
          unitName: z.string(),
          post: z.string(),
          duties: z.string(),
          fromDate: z.string(),
          toDate: z.string().nullable(),
        }),
      ),
    }),
    roles: orgReaders,
    writes: false,
  }),
  'people.create': channel({
    title: '新增人员',
    input: z.strictObject(personFields),
    output: personRow,
    roles: orgWriters,
    writes: true,
    refreshes: ['people.list', 'units.list'],
  }),
  'people.update': channel({
    title: '修改人员',
    input: z.strictObject({ id, ...personFields, name: shortText('姓名', 30).optional(), unitId: id.optional() }),
    output: personRow,
    roles: orgWriters,
    writes: true,
    refreshes: personShown,
  }),
  'people.setActive': channel({
    title: '启用或停用人员',
    input: z.strictObject({ id, active: z.boolean() }),
    output: personRow,
    roles: orgWriters,
    writes: true,
    refreshes: ['people.list', 'people.get', 'units.list'],
  }),
  'people.importPreview': channel({
    title: '预览人员导入',
    input: peopleFile,
    output: importResult,
    roles: orgWriters,
    writes: false,
  }),
  'people.import': channel({
    title: '导入人员',
    input: peopleFile,
    output: importResult,
    roles: orgWriters,
    writes: true,
    refreshes: personShown,
  }),
  'people.importErrors': channel({
    title: '下载标注错误的人员文件',
    input: peopleFile,
    output: fileOut,
    roles: orgWriters,
    writes: false,
  }),
  'people.export': channel({
    title: '导出人员',
    input: z.strictObject({ unitId: id.optional() }),
    output: fileOut,
    roles: orgReaders,
    writes: false,
    audited: true,
  }),
  'people.template': channel({
    title: '下载人员导入模板',
    input: noInput,
    output: fileOut,
    roles: orgWriters,
    writes: false,
  }),
} as const;
