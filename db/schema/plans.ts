import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { indicatorKind, level, planState, scoringMethod } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { documents } from './documents';
import { people, units } from './org';

/** The annual assessment plan (年度考核方案): one per year and level; its state says what may still change. */
export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    year: integer('year').notNull(),
    level: text('level', { enum: level.values }).notNull(),
    title: text('title').notNull(),
    /** The base points every unit's indicators add up to (加分 / 扣分 / 一票否决 come on top). */
    totalPoints: real('total_points').notNull(),
    state: text('state', { enum: planState.values }).notNull(),
    /** 考核依据, quoted in the letters' preamble. */
    basis: text('basis').notNull().default(''),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    copiedFrom: integer('copied_from').references((): AnySQLiteColumn => plans.id, { onDelete: 'restrict' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('plans_year_level_unique').on(t.year, t.level),
    check('plans_state_ck', sql`${t.state} in (${sql.raw(planState.sqlList)})`),
    check('plans_total_ck', sql`${t.totalPoints} > 0`),
  ],
);

/** The indicator tree of a plan: groups and the items under them. */
export const indicators = sqliteTable(
  'indicators',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => indicators.id, { onDelete: 'restrict' }),
    isGroup: integer('is_group', { mode: 'boolean' }).notNull(),
    kind: text('kind', { enum: indicatorKind.values }).notNull(),
    name: text('name').notNull(),
    points: real('points').notNull().default(0),
    method: text('method', { enum: scoringMethod.values }).notNull(),
    /** JSON, shaped by the method (see core/indicators.ts). */
    params: text('params').notNull().default('{}'),
    /** 评分标准 in words, printed in the letters. */
    standard: text('standard').notNull().default(''),
    /** 考核责任单位. */
    scoringBody: text('scoring_body').notNull().default(''),
    /** Where the points come from when not entered by the body (vocab autoSource; no CHECK, see there). */
    autoSource: text('auto_source'),
    /** JSON array of category ids; empty means every category. */
    categoryIds: text('category_ids').notNull().default('[]'),
    evidence: text('evidence').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('indicators_plan_idx').on(t.planId),
    check('indicators_points_ck', sql`${t.points} >= 0`),
    check('indicators_kind_ck', sql`${t.kind} in (${sql.raw(indicatorKind.sqlList)})`),
  ],
);

/** A unit's target under an indicator; signing the unit's letter freezes it. */
export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'restrict' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    content: text('content').notNull(),
    targetValue: text('target_value'),
    measureUnit: text('measure_unit'),
    points: real('points').notNull().default(0),
    /** JSON: four quarterly milestones {text, percent}. */
    milestones: text('milestones').notNull().default('[]'),
    leaderId: integer('leader_id').references(() => people.id, { onDelete: 'restrict' }),
    leadUnitId: integer('lead_unit_id').references(() => units.id, { onDelete: 'restrict' }),
    /** JSON array of unit ids (配合单位). */
    partnerUnitIds: text('partner_unit_ids').notNull().default('[]'),
    isKey: integer('is_key', { mode: 'boolean' }).notNull().default(false),
    isMajor: integer('is_major', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('targets_plan_unit_idx').on(t.planId, t.unitId),
    index('targets_indicator_idx').on(t.indicatorId),
    check('targets_points_ck', sql`${t.points} >= 0`),
  ],
);

/** Each unit's responsibility letter of a plan: the document last generated and, once signed, who signed when. */
export const letters = sqliteTable(
  'letters',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    documentId: integer('document_id').references(() => documents.id, { onDelete: 'restrict' }),
    /** The document model (JSON) the file was rendered from, so a combined print copy shows exactly what was issued. */
    model: text('model'),
    /** SHA-256 of what the letter prints (targets, indicators, plan, clauses): a change makes the letter stale. */
    fingerprint: text('fingerprint'),
    signedDate: text('signed_date'),
    partyASigner: text('party_a_signer'),
    partyBSigner: text('party_b_signer'),
    signedBy: text('signed_by'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('letters_plan_unit_unique').on(t.planId, t.unitId),
    check('letters_signed_ck', sql`(${t.signedDate} is null) = (${t.partyBSigner} is null)`),
  ],
);
