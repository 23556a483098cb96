import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { checkKind, findingRating } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';
import { documents } from './documents';
import { notices } from './notices';
import { units } from './org';
import { plans, targets } from './plans';

/**
 * A supervision round (督查): half-year or ad hoc, with its team, scope and date; its report is a registered
 * document.
 */
export const checks = sqliteTable(
  'checks',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: checkKind.values }).notNull(),
    team: text('team').notNull(),
    scope: text('scope').notNull(),
    checkDate: text('check_date').notNull(),
    reportDocumentId: integer('report_document_id').references(() => documents.id, { onDelete: 'restrict' }),
    ...timestamps(),
  },
  (t) => [check('checks_kind_ck', sql`${t.kind} in (${sql.raw(checkKind.sqlList)})`)],
);

/** What a round found at a unit (or on one of its targets), rated, with the action required; may lead to a notice. */
export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    checkId: integer('check_id')
      .notNull()
      .references(() => checks.id, { onDelete: 'restrict' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    targetId: integer('target_id').references(() => targets.id, { onDelete: 'restrict' }),
    rating: text('rating', { enum: findingRating.values }).notNull(),
    description: text('description').notNull(),
    requiredAction: text('required_action').notNull(),
    noticeId: integer('notice_id').references(() => notices.id, { onDelete: 'restrict' }),
    ...timestamps(),
  },
  (t) => [
    index('findings_check_idx').on(t.checkId),
    check('findings_rating_ck', sql`${t.rating} in (${sql.raw(findingRating.sqlList)})`),
  ],
);
