import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { unitKind } from '../../electron/vocab';
import { exchangeColumns, timestamps } from './common';

/** Assessment categories (党群部门, 政府工作部门, 乡镇街道 …); the list is editable. */
export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps(),
  },
  // a removed category's name may be used again
  (t) => [
    uniqueIndex('categories_name_unique')
      .on(t.name)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** The unit hierarchy: city → county → department/township, any depth. Never deleted once used. */
export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind', { enum: unitKind.values }).notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id, { onDelete: 'restrict' }),
    categoryId: integer('category_id').references(() => categories.id, { onDelete: 'restrict' }),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    check('units_kind_ck', sql`${t.kind} in (${sql.raw(unitKind.sqlList)})`),
    check('units_not_own_parent_ck', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

/** People assessed or responsible; national ID numbers are optional and masked in every view. */
export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    /** 人员编号: optional, unique when given; imports match on it. */
    code: text('code').unique(),
    name: text('name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    post: text('post'),
    rank: text('rank'),
    isLeader: integer('is_leader', { mode: 'boolean' }).notNull().default(false),
    isUnitHead: integer('is_unit_head', { mode: 'boolean' }).notNull().default(false),
    phone: text('phone'),
    idNumber: text('id_number'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('people_unit_idx').on(t.unitId), index('people_name_idx').on(t.name)],
);

/** A person's posts over time with their written duties (岗位责任); removed with the person only. */
export const personPosts = sqliteTable(
  'person_posts',
  {
    id: integer('id').primaryKey(),
    ...exchangeColumns(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    post: text('post').notNull(),
    duties: text('duties').notNull().default(''),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    ...timestamps(),
  },
  (t) => [index('person_posts_person_idx').on(t.personId)],
);
