import { z } from 'zod';
import { scoreSheetState } from '../../vocab';
import { channel } from '../channel';
import { fileFields, oneFile, oneFileError, recordId } from '../limits';
import { indicatorKinds, scoringMethods } from '../plan-labels';

/** 评分录入: the 考核责任单位's sheets of a plan, their grids, the units' 自评, and the Excel round trip. */

const id = recordId;
const readers = ['evaluator', 'leader', 'clerk'] as const;
const writers = ['evaluator', 'clerk'] as const;
/** The body as its items name it; '' for items that name none (the office). */
const body = z.string().trim().max(60, { error: '考核责任单位不能超过 60 个字' });
const num = (words: string) => z.number({ error: `${words}应为数字` }).refine(Number.isFinite, `${words}应为数字`);

/** What a method reads; the ranges are the core's to refuse, in its words (core/scoring-check.ts). */
export const scoreInput = z.union([
  z.strictObject({ rate: num('完成率') }),
  z.strictObject({ grade: z.string().max(10) }),
  z.strictObject({ occurrences: num('次数') }),
  z.strictObject({ vetoed: z.boolean({ error: '一票否决只能填“是”或“否”' }) }),
  z.strictObject({ points: num('评定分值') }),
]);
const inputOut = z.union([
  z.object({ rate: z.number() }),
  z.object({ grade: z.enum(['A', 'B', 'C', 'D']) }),
  z.object({ occurrences: z.number() }),
  z.object({ vetoed: z.boolean() }),
  z.object({ points: z.number() }),
]);

const entryView = z.object({
  id: z.number().int(),
  input: inputOut,
  /** The input in words: 完成率 95%, B 等, 2 次, 一票否决, 4.5 分. */
  words: z.string(),
  note: z.string(),
  enteredBy: z.string(),
  updatedAt: z.number().int(),
});

const sheetState = z.enum(scoreSheetState.values);

export const bodyRow = z.object({
  body: z.string(),
  label: z.string(),
  items: z.number().int(),
  cells: z.number().int(),
  entered: z.number().int(),
  state: sheetState,
  returnReason: z.string().nullable(),
  submittedAt: z.number().int().nullable(),
  submittedBy: z.string().nullable(),
  /** What the caller may do now (from the sheet's lifecycle and his role). */
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReturn: z.boolean(),
});

const item = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(indicatorKinds),
  method: z.enum(scoringMethods),
  points: z.number(),
  /** The 评分标准 in words, for the person entering. */
  standard: z.string(),
});

export const gridRow = z.object({
  indicatorId: z.number().int(),
  unitId: z.number().int(),
  targetId: z.number().int().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  categoryName: z.string(),
  targetContent: z.string().nullable(),
  /** What the cell is worth (the target's points where scored per target). */
  points: z.number(),
  entry: entryView.nullable(),
  self: entryView.nullable(),
  /** On the unit's 自评 list: whose sheet the item is on, and whether it is closed (submitted). */
  body: z.string(),
  locked: z.boolean(),
});

const page = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};
const writeRow = z.strictObject({
  indicatorId: id,
  unitId: id,
  targetId: id.nullable().default(null),
  /** null empties the cell. */
  input: scoreInput.nullable(),
  note: z.string().trim().max(200, { error: '备注不能超过 200 个字' }).default(''),
});
const counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  same: z.number().int(),
});
const importFile = z.strictObject({ planId: id, body, ...fileFields('excel') }).refine(oneFile, oneFileError);
const importResult = z.object({
  rows: z.array(
    z.object({
      row: z.number().int(),
      key: z.string(),
      name: z.string(),
      status: z.enum(['create', 'update', 'same', 'error']),
      messages: z.array(z.object({ column: z.string(), message: z.string() })),
    }),
  ),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    same: z.number().int(),
    error: z.number().int(),
  }),
  notices: z.array(z.string()),
  committed: z.boolean(),
});
const fileOut = z.object({ fileName: z.string(), base64: z.string() });
const shown = [
  'scores.bodies',
  'scores.grid',
  'scores.selfGrid',
  'todo.list',
  'results.get',
  'rewards.get',
  'dashboard.get',
] as const;

export const scoresChannels = {
  'scores.bodies': channel({
    title: '查看评分表',
    /** A 录入员 sees his body's sheet (or `problem`: why he has none) and whether his unit may enter 自评. */
    input: z.strictObject({ planId: id }),
    output: z.object({
      bodies: z.array(bodyRow),
      problem: z.string().nullable(),
      selfUnit: z.object({ unitId: z.number().int(), unitName: z.string() }).nullable(),
    }),
    roles: readers,
    writes: false,
  }),
  'scores.grid': channel({
    title: '查看评分表',
    input: z.strictObject({
      planId: id,
      body,
      indicatorId: id.optional(),
      search: z.string().trim().max(40).optional(),
      /** Only the cells still without the body's entry. */
      missing: z.boolean().optional(),
      ...page,
    }),
    output: z.object({ total: z.number().int(), rows: z.array(gridRow), items: z.array(item), sheet: bodyRow }),
    roles: readers,
    writes: false,
  }),
  'scores.save': channel({
    title: '录入评分',
    input: z.strictObject({
      planId: id,
      body,
      rows: z.array(writeRow).min(1).max(500, { error: '一次最多保存 500 项' }),
    }),
    output: counts,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'scores.submit': channel({
    title: '报送评分表',
    input: z.strictObject({ planId: id, body }),
    output: bodyRow,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'scores.return': channel({
    title: '退回评分表',
    input: z.strictObject({
      planId: id,
      body,
      reason: z.string().trim().max(500, { error: '退回原因不能超过 500 个字' }),
    }),
    output: bodyRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: shown,
  }),
  'scores.selfGrid': channel({
    title: '查看单位自评',
    /** A 录入员's own unit always; the office names the unit. */
    input: z.strictObject({ planId: id, unitId: id.optional() }),
    output: z.object({ unitId: z.number().int(), unitName: z.string(), rows: z.array(gridRow), items: z.array(item) }),
    roles: readers,
    writes: false,
  }),
  'scores.saveSelf': channel({
    title: '填写单位自评',
    input: z.strictObject({
      planId: id,
      unitId: id.optional(),
      rows: z.array(writeRow).min(1).max(500, { error: '一次最多保存 500 项' }),
    }),
    output: counts,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  /** One sheet per body the caller enters for (or the one named), filled offline and imported back. */
  'scores.template': channel({
    title: '下载评分表',
    input: z.strictObject({ planId: id, body: body.optional() }),
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'scores.importPreview': channel({
    title: '预览评分表导入',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: false,
  }),
  'scores.importErrors': channel({
    title: '下载标注错误的评分表',
    input: importFile,
    output: fileOut,
    roles: writers,
    writes: false,
  }),
  'scores.import': channel({
    title: '导入评分表',
    input: importFile,
    output: importResult,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
} as const;
