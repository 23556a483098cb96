import type Database from 'better-sqlite3';

/** The local setting a demonstration database carries from its creation on (settings is a local table). */
export const DEMO_SETTING = 'demoData';

/** Whether the database was created for demonstration data. */
export const demoMarked = (sqlite: Database.Database): boolean =>
  !!sqlite.prepare('select 1 from settings where key = ?').get(DEMO_SETTING);

/** A database nobody has used yet: no account, no unit, no plan. */
export const untouchedDatabase = (sqlite: Database.Database): boolean =>
  !sqlite.prepare('select 1 from users union all select 1 from units union all select 1 from plans limit 1').get();

/** Marks a new database as demonstration data. */
export const markDemoDatabase = (sqlite: Database.Database, now: number): void => {
  sqlite
    .prepare('insert into settings (key, value, updated_at, updated_by) values (?, ?, ?, ?)')
    .run(DEMO_SETTING, '1', now, '演示数据');
};
