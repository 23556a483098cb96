import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../contract';
import { DEMO_SETTING, demoMarked, markDemoDatabase, untouchedDatabase } from '../../../db/repos/demo';
import { DEMO_SUFFIX } from '../data-dir';

export { DEMO_SETTING };

/**
 * Keeps demonstration data and real data apart: a demonstration run opens only a folder named `…-演示数据` whose
 * database carries the mark (written here when the folder is new), a real run never opens a marked one. Returns
 * whether the database is new to the demonstration (to be seeded).
 */
export function checkDemoMark(sqlite: Database.Database, dataDir: string, demo: boolean, now: number): boolean {
  const isMarked = demoMarked(sqlite);
  if (!demo) {
    if (isMarked)
      throw new AppError(
        'RULE_VIOLATION',
        `数据目录 ${dataDir} 存放的是演示数据，不能作为正式数据打开。请加 --demo 以演示模式启动，或改用正式数据目录。`,
      );
    return false;
  }
  if (!path.basename(dataDir).endsWith(DEMO_SUFFIX))
    throw new AppError('RULE_VIOLATION', `演示数据只能放在名称以“${DEMO_SUFFIX}”结尾的目录中，不能使用 ${dataDir}。`);
  if (isMarked) return false;
  if (!untouchedDatabase(sqlite))
    throw new AppError(
      'RULE_VIOLATION',
      `数据目录 ${dataDir} 存放的是正式数据，不能以演示模式打开。请去掉 --demo 启动，演示数据会另建目录。`,
    );
  markDemoDatabase(sqlite, now);
  return true;
}
