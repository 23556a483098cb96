import { and, count, eq } from 'drizzle-orm';
import type { AppDb } from '../open';
import { units, users } from '../schema';

export type UserRecord = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const findUserByName = (db: AppDb, username: string) =>
  db.select().from(users).where(eq(users.username, username)).get();

export const findUser = (db: AppDb, id: number) => db.select().from(users).where(eq(users.id, id)).get();

export const listUsers = (db: AppDb) => db.select().from(users).orderBy(users.id).all();

export const countUsers = (db: AppDb) => db.select({ n: count() }).from(users).get()!.n;

export const countActiveAdmins = (db: AppDb) =>
  db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .get()!.n;

export function insertUser(db: AppDb, u: NewUser): UserRecord {
  return db.insert(users).values(u).returning().get();
}

export function updateUser(db: AppDb, id: number, patch: Partial<NewUser>): UserRecord {
  return db.update(users).set(patch).where(eq(users.id, id)).returning().get();
}

/**
 * The units by name, for binding a 录入员 (the administrator's only view of the org data, 三员分立), in the
 * units' own order.
 */
export const unitChoices = (db: AppDb) =>
  db
    .select({
      id: units.id,
      name: units.name,
      shortName: units.shortName,
      parentId: units.parentId,
      active: units.active,
    })
    .from(units)
    .orderBy(units.sortOrder, units.code)
    .all();
