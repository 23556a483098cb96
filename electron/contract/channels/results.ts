import { z } from 'zod';
import { channel } from '../channel';
import { recordId, shortText } from '../limits';
import { indicatorKinds } from '../plan-labels';

/** Results, scoring rules and rewards (#16 items 4 and 6): the office's evaluators set and export, leaders read. */
const readers = ['evaluator', 'leader'] as const;
const writers = ['evaluator'] as const;
const planInput = z.strictObject({ planId: recordId });
const fileOut = z.object({ fileName: z.string(), base64: z.string() });

/** The ranking keys core/scoring-rank.ts knows (its RankKey); the handler's types tie the two. */
export const rankKeyNames = ['veto', 'total', 'base', 'deduction', 'code'] as const;

const grade = shortText('等次名称', 10);
const score = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, { error: `${label}不能为负` })
    .max(1000, { error: `${label}不能超过 1000` });
const cap = (label: string) => score(label).nullable();
const quotaStep = z.union([
  z.strictObject({
    grade,
    count: z.number({ error: '名额应为整数' }).int({ error: '名额应为整数' }).min(0).max(100_000),
  }),
  z.strictObject({ grade, share: z.number({ error: '比例应为数字' }).min(0).max(1, { error: '比例不能超过 100%' }) }),
]);

/** ScoringRules as the settings screen sends them (the version is given by the save). */
export const scoringRulesInput = z.strictObject({
  bonusCap: cap('加分封顶'),
  deductionCap: cap('扣分封顶'),
  order: z
    .array(z.enum(rankKeyNames, { error: '排名比较项无法识别' }))
    .min(1, { error: '请设置排名比较顺序' })
    .max(5),
  grading: z.discriminatedUnion('by', [
    z.strictObject({
      by: z.literal('threshold'),
      steps: z
        .array(z.strictObject({ grade, min: score('分数线') }))
        .min(1, { error: '至少设置一个分数线' })
        .max(10),
      rest: grade,
      vetoGrade: grade,
    }),
    z.strictObject({
      by: z.literal('quota'),
      perCategory: z
        .array(z.strictObject({ categoryId: z.number().int().min(0), steps: z.array(quotaStep).max(10) }))
        .max(200),
      otherwise: z.array(quotaStep).max(10),
      rest: grade,
      vetoGrade: grade,
    }),
  ]),
});
const scoringRules = scoringRulesInput.extend({ version: z.string() });

const amount = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, { error: `${label}不能为负` })
    .max(100_000_000, { error: `${label}不能超过 1 亿元` });
export const rewardMethodInput = z.discriminatedUnion('by', [
  z.strictObject({
    by: z.literal('grade'),
    base: amount('奖励基数'),
    coefficients: z
      .array(z.strictObject({ grade, coefficient: z.number({ error: '系数应为数字' }).min(0).max(100) }))
      .max(20),
  }),
  z.strictObject({ by: z.literal('score'), base: amount('奖励基数'), fullScore: score('满分').positive() }),
  z.strictObject({
    by: z.literal('table'),
    steps: z
      .array(z.strictObject({ min: score('分数段起点'), amount: amount('金额') }))
      .min(1, { error: '至少设置一个分数段' })
      .max(20),
  }),
]);

const reason = z
  .string({ error: '请填写修改原因' })
  .trim()
  .min(2, { error: '请填写修改原因（至少 2 个字）' })
  .max(200, { error: '修改原因不能超过 200 个字' });
const saved = { version: z.string(), reason: z.string(), savedBy: z.string(), savedAt: z.number() };

export const unitResult = z.object({
  unitId: z.number(),
  code: z.string(),
  name: z.string(),
  categoryId: z.number(),
  categoryName: z.string(),
  rank: z.number(),
  of: z.number(),
  tied: z.boolean(),
  base: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  total: z.number(),
  grade: z.string().nullable(),
  gradeReason: z.string(),
  vetoed: z.boolean(),
  complete: z.boolean(),
});
const ref = z.object({ type: z.string(), id: z.number(), label: z.string() });
const rewardRow = z.object({
  unitId: z.number(),
  code: z.string(),
  name: z.string(),
  categoryName: z.string(),
  total: z.number(),
  grade: z.string().nullable(),
  amount: z.number().nullable(),
  explanation: z.string(),
  exclusions: z.array(z.object({ source: z.string(), reason: z.string(), refs: z.array(ref).optional() })),
});

/** What changes when the scoring rules do: the ranking, its grades and the rewards that follow from them. */
const resultsShown = ['results.rules', 'results.get', 'rewards.rules', 'rewards.get', 'dashboard.get'];

export const resultsChannels = {
  'results.rules': channel({
    title: '查看计分规则',
    input: planInput,
    output: z.object({
      rules: scoringRules,
      /** null: the defaults (no version saved yet). */
      saved: z.object(saved).nullable(),
      history: z.array(z.object({ ...saved, rules: scoringRules, orderWords: z.string() })),
      editable: z.boolean(),
      lockReason: z.string().nullable(),
      rankKeys: z.array(z.object({ key: z.enum(rankKeyNames), words: z.string() })),
      orderWords: z.string(),
      categories: z.array(z.object({ id: z.number(), name: z.string(), units: z.number() })),
    }),
    roles: readers,
    writes: false,
  }),
  'results.saveRules': channel({
    title: '保存计分规则',
    input: z.strictObject({ planId: recordId, rules: scoringRulesInput, reason }),
    output: z.object({ version: z.string() }),
    roles: writers,
    writes: true,
    refreshes: resultsShown,
  }),
  'results.get': channel({
    title: '查看考核结果',
    input: planInput,
    output: z.object({
      /** Why nothing could be computed (bad entries); empty when the ranking follows. */
      problems: z.array(z.string()),
      snapshotNo: z.number().nullable(),
      ruleVersion: z.string(),
      indicatorVersion: z.string(),
      ruleTables: z.array(z.object({ name: z.string(), version: z.string() })),
      order: z.string(),
      /** Grades a quota could not decide, each naming the tied units. */
      gradeProblems: z.array(z.object({ text: z.string(), units: z.array(z.string()) })),
      categories: z.array(z.object({ categoryId: z.number(), categoryName: z.string(), units: z.array(unitResult) })),
      /** The units whose result was turned into a 问责线索 (results.toClue), with the clue. */
      clues: z.array(z.object({ unitId: z.number(), clueId: z.number() })),
    }),
    roles: readers,
    writes: false,
  }),
  'results.drillDown': channel({
    title: '得分反查',
    input: z.strictObject({ planId: recordId, unitId: recordId }),
    output: z.object({
      unit: unitResult,
      summary: z.string(),
      ruleVersion: z.string(),
      lines: z.array(
        z.object({
          indicatorId: z.number(),
          targetId: z.number().nullable(),
          name: z.string(),
          kind: z.enum(indicatorKinds),
          method: z.string(),
          points: z.number(),
          input: z.string(),
          earned: z.number(),
          explanation: z.string(),
          source: z.string().nullable(),
          refs: z.array(ref),
        }),
      ),
    }),
    roles: readers,
    writes: false,
  }),
  'results.export': channel({
    title: '导出考核排名',
    input: planInput,
    output: fileOut,
    roles: readers,
    writes: false,
    audited: true,
  }),
  'results.exportDrillDown': channel({
    title: '导出单位得分反查',
    input: z.strictObject({ planId: recordId, unitId: recordId }),
    output: fileOut,
    roles: readers,
    writes: false,
    audited: true,
  }),
  'rewards.rules': channel({
    title: '查看奖惩办法',
    input: planInput,
    output: z.object({
      method: rewardMethodInput.nullable(),
      saved: z.object(saved).nullable(),
      history: z.array(z.object({ ...saved, words: z.string() })),
      editable: z.boolean(),
      lockReason: z.string().nullable(),
      /** The grades the plan's scoring rules give, each of which a coefficient table must price. */
      grades: z.array(z.string()),
      exclusionRules: z.array(z.object({ label: z.string(), rule: z.string() })),
    }),
    roles: readers,
    writes: false,
  }),
  'rewards.saveRules': channel({
    title: '保存奖惩办法',
    input: z.strictObject({ planId: recordId, method: rewardMethodInput, reason }),
    output: z.object({ version: z.string() }),
    roles: writers,
    writes: true,
    refreshes: ['rewards.rules', 'rewards.get'],
  }),
  'rewards.get': channel({
    title: '查看奖惩核算',
    input: planInput,
    output: z.object({
      problems: z.array(z.string()),
      version: z.string(),
      words: z.string(),
      scoringVersion: z.string(),
      exclusionRules: z.array(z.object({ label: z.string(), rule: z.string() })),
      rows: z.array(rewardRow),
      total: z.number(),
      paid: z.number(),
      excluded: z.number(),
      undecided: z.number(),
    }),
    roles: readers,
    writes: false,
  }),
  'rewards.export': channel({
    title: '导出奖励核算表',
    input: planInput,
    output: fileOut,
    roles: readers,
    writes: false,
    audited: true,
  }),
} as const;
