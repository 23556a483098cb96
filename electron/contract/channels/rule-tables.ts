import { z } from 'zod';
import { type RuleColumn, type RuleRow, ruleTableKind, ruleTableSpecs, type RuleTableKindName } from '../../vocab';
import { channel } from '../channel';

/**
 * The editable, versioned rule tables (单位扣分规则 now; the accountability and staff-assessment registers add
 * their kinds in electron/vocab/rule-tables.ts). The rows of each kind are checked by a schema made from its
 * columns, here, so the contract, the editing screen and the stored rows agree.
 */

const id = z.number({ error: '缺少规则表' }).int().positive();
const cell = z.union([z.string(), z.number(), z.boolean()]);
const row = z.record(z.string(), cell);

function cellSchema(c: RuleColumn): z.ZodType {
  switch (c.type) {
    case 'code':
      return z
        .string({ error: `请填写${c.label}` })
        .trim()
        .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: `${c.label}只能用小写字母、数字和下划线，2 到 40 个字符` });
    case 'text': {
      const s = z
        .string({ error: `请填写${c.label}` })
        .trim()
        .max(c.max, { error: `${c.label}不能超过 ${c.max} 个字` });
      return c.required ? s.min(1, { error: `请填写${c.label}` }) : s.default('');
    }
    case 'points':
      return z
        .number({ error: `${c.label}应为数字` })
        .min(0, { error: `${c.label}不能为负数` })
        .max(100, { error: `${c.label}不能超过 100 分` })
        .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6, { error: `${c.label}最多保留两位小数` });
    case 'count':
      return z
        .number({ error: `${c.label}应为数字` })
        .int({ error: `${c.label}应为整数` })
        .min(0, { error: `${c.label}不能为负数` })
        .max(c.max, { error: `${c.label}不能超过 ${c.max} ${c.unit}` });
    case 'bool':
      return z.boolean({ error: `${c.label}应为“是”或“否”` }).default(false);
    case 'choice':
      return z.enum(c.options as [string, ...string[]], { error: `${c.label}只能是${c.options.join('、')}` });
  }
}

/** The rows of a table of this kind: every column checked, codes unique, the rows a source reads kept. */
export function ruleRowsSchema(kind: RuleTableKindName) {
  const spec = ruleTableSpecs[kind];
  const shape = Object.fromEntries(spec.columns.map((c) => [c.key, cellSchema(c)]));
  const code = spec.columns.find((c) => c.type === 'code')?.key;
  return z
    .array(z.strictObject(shape), { error: '规则应为一组行' })
    .min(1, { error: '规则表至少要有一行' })
    .max(500, { error: '规则表不能超过 500 行' })
    .superRefine((rows, ctx) => {
      if (!code) return;
      const seen = new Set<string>();
      rows.forEach((r, i) => {
        const c = String(r[code]);
        if (seen.has(c)) ctx.addIssue({ code: 'custom', path: [i, code], message: `代码“${c}”重复` });
        seen.add(c);
      });
      for (const need of spec.required)
        if (!seen.has(need))
          ctx.addIssue({
            code: 'custom',
            path: [],
            message: `代码为“${need}”的规则由系统自动计分使用，不能删除（不再扣分的，请把分值改为 0）`,
          });
    });
}

/** A refusal of rows in words a clerk understands: which row, which column, what is wrong. */
export function ruleRowsProblem(kind: RuleTableKindName, rows: unknown): { rows: RuleRow[] } | { problem: string } {
  const r = ruleRowsSchema(kind).safeParse(rows);
  if (r.success) return { rows: r.data as RuleRow[] };
  const issue = r.error.issues[0]!;
  const [index] = issue.path;
  return { problem: typeof index === 'number' ? `第 ${index + 1} 行：${issue.message}` : issue.message };
}

const tableRow = z.object({
  id: z.number().int(),
  kind: z.string(),
  kindLabel: z.string(),
  name: z.string(),
  currentVersion: z.number().int(),
  own: z.boolean(),
  updatedAt: z.number(),
});

const versionRow = z.object({
  number: z.number().int(),
  rows: z.array(row),
  reason: z.string(),
  editedBy: z.string(),
  editedAt: z.number(),
});

const columnRow = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['code', 'text', 'points', 'count', 'bool', 'choice']),
  unit: z.string().optional(),
  required: z.boolean().optional(),
  max: z.number().optional(),
  wide: z.boolean().optional(),
  options: z.array(z.string()).optional(),
});

const shown = ['rule-tables.list', 'rule-tables.get', 'rule-tables.history', 'results.get', 'dashboard.get'];

export const ruleTablesChannels = {
  'rule-tables.list': channel({
    title: '查看规则表',
    input: z.strictObject({}),
    output: z.array(tableRow),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'rule-tables.get': channel({
    title: '查看规则表内容',
    input: z.strictObject({ id, version: z.number().int().positive().optional() }),
    output: z.object({
      table: tableRow,
      columns: z.array(columnRow),
      required: z.array(z.string()),
      version: versionRow,
    }),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'rule-tables.history': channel({
    title: '查看规则表修改历史',
    input: z.strictObject({ id }),
    output: z.array(versionRow),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'rule-tables.save': channel({
    title: '修改规则表（生成新版本）',
    input: z.strictObject({
      id,
      /** The version the rows were edited from: a save over someone else's newer version is refused. */
      basedOn: z.number().int().positive(),
      rows: z.array(row).max(500, { error: '规则表不能超过 500 行' }),
      reason: z
        .string({ error: '请填写修改理由' })
        .trim()
        .min(2, { error: '请填写修改理由（至少 2 个字）' })
        .max(200, { error: '修改理由不能超过 200 个字' }),
    }),
    output: z.object({ number: z.number().int() }),
    roles: ['evaluator'],
    writes: true,
    refreshes: shown,
  }),
} as const;

export const ruleKindLabel = (kind: string): string =>
  (ruleTableKind.values as readonly string[]).includes(kind) ? ruleTableKind.label(kind as RuleTableKindName) : kind;
