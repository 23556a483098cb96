import { z } from 'zod';
import { channel } from '../channel';
import { recordId } from '../limits';
import { planStates } from '../plan-labels';

/** The most units a ranking or a heat map draws at once (a category of a city may have 500). */
export const DASHBOARD_TOP_MAX = 200;

const plan = z.object({ id: z.number().int(), title: z.string(), year: z.number().int(), state: z.enum(planStates) });
const nums = z.array(z.number());
const maybeNums = z.array(z.number().nullable());

export const dashboardChannels = {
  /**
   * The leader's charts for one plan (by default the latest with results): the quarterly completion trend, and once
   * the plan is being scored the ranking of one category's first places, their heat map (indicator × unit, points
   * earned as a share of the item's points) and the share of units per grade. Compact arrays, not rows.
   */
  'dashboard.get': channel({
    title: '查看领导看板',
    input: z.strictObject({
      planId: recordId.optional(),
      /** The category whose ranking and heat map are drawn (0: units without one); by default the first. */
      categoryId: z.number({ error: '考核类别不正确' }).int().min(0, { error: '考核类别不正确' }).optional(),
      /** How many of the category's first places. */
      top: z
        .number({ error: '显示单位数应为数字' })
        .int()
        .min(5, { error: '显示单位数应为 5 至 200' })
        .max(DASHBOARD_TOP_MAX, { error: '显示单位数应为 5 至 200' })
        .default(30),
    }),
    output: z.object({
      plans: z.array(plan),
      plan: plan.nullable(),
      today: z.string(),
      trend: z.object({
        quarters: z.array(z.number().int()),
        targets: z.number().int(),
        reported: nums,
        averageCompletion: maybeNums,
        averageExpected: maybeNums,
        onSchedule: maybeNums,
      }),
      /** Why there are no results to draw (the plan not yet scored, or what stops the computation); else null. */
      emptyReason: z.string().nullable(),
      results: z
        .object({
          /** Null: computed as the data stand now; else the frozen snapshot shown. */
          snapshotNo: z.number().int().nullable(),
          units: z.number().int(),
          /** Units with a base item not yet scored. */
          incomplete: z.number().int(),
          categories: z.array(z.object({ id: z.number().int(), name: z.string(), units: z.number().int() })),
          categoryId: z.number().int(),
          ranking: z.object({
            names: z.array(z.string()),
            totals: nums,
            ranks: z.array(z.number().int()),
            grades: z.array(z.string().nullable()),
            vetoed: z.array(z.boolean()),
            of: z.number().int(),
          }),
          heat: z.object({ indicators: z.array(z.string()), units: z.array(z.string()), values: maybeNums }),
          grades: z.object({ names: z.array(z.string()), counts: z.array(z.number().int()) }),
          gradeProblems: z.array(z.string()),
        })
        .nullable(),
    }),
    roles: ['leader', 'evaluator'],
    writes: false,
  }),
} as const;
