import { eq } from 'drizzle-orm';
import type { AppDb } from '../open';
import { settings } from '../schema';

export function readSetting<T>(db: AppDb, key: string, fallback: T): T {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function writeSetting(db: AppDb, key: string, value: unknown, by: string, at: number): void {
  const json = JSON.stringify(value);
  db.insert(settings)
    .values({ key, value: json, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: at, updatedBy: by } })
    .run();
}
