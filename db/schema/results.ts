import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { exchangeColumns, timestamps } from './common';
import { plans } from './plans';

/**
 * The scoring rules of a plan (caps, ranking order, grades by thresholds or quotas), one row a saved version: a save
 * never changes an earlier one, so a result says which version made it (计分规则第3版) and that version can be read
 * again. Part of the plan, so it travels with it.
 */
export const planScoringRules = sqliteTable(
  'plan_scoring_rules',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    versionNo: integer('version_no').notNull(),
    /** JSON: core ScoringRules without its version (the version is the row's). */
    rules: text('rules').notNull(),
    reason: text('reason').notNull(),
    savedBy: text('saved_by').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('plan_scoring_rules_version_unique').on(t.planId, t.versionNo)],
);

/** The reward rule of a plan (奖惩办法), versioned like the scoring rules. */
export const planRewardRules = sqliteTable(
  'plan_reward_rules',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    versionNo: integer('version_no').notNull(),
    /** JSON: core RewardMethod. */
    method: text('method').notNull(),
    reason: text('reason').notNull(),
    savedBy: text('saved_by').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('plan_reward_rules_version_unique').on(t.planId, t.versionNo)],
);
