import { type App, startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import type { Caller } from '../../electron/contract';
import { repoRoot, tempDir } from './tmp';

export interface TestApp {
  app: App;
  dir: string;
  close(): void;
}

/** A started app on a fresh data folder. */
export async function testApp(opts: { now?: () => number } = {}): Promise<TestApp> {
  const t = tempDir();
  const app = await startApp({ dataDir: t.dir, appRoot: repoRoot, appVersion: '0.0.0-test', log: silentLogger, now: opts.now });
  return {
    app,
    dir: t.dir,
    close: () => {
      app.close();
      t.cleanup();
    },
  };
}

export const asRole = (role: Caller['role'], username = `测试${role}`): Caller => ({ userId: null, username, role });

/** Every row of every user table, for "nothing was written" assertions. */
export function snapshotRows(app: App): string {
  const tables = app.opened.sqlite
    .prepare(`select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name`)
    .all() as { name: string }[];
  return JSON.stringify(tables.map((t) => [t.name, app.opened.sqlite.prepare(`select * from "${t.name}"`).all()]));
}
