import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DbOpenError } from '../../../db';
import { DB_FILE, startApp } from '../../../electron/services/app';
import { silentLogger } from '../../../electron/services/logger';
import { TEST_SCRYPT, addUser, asRole, signIn, testApp, type TestApp } from '../../support/app';
import { caller } from '../../support/caller';
import { repoRoot } from '../../support/tmp';

const apps: TestApp[] = [];
afterEach(() =>
  apps
    .splice(0)
    .reverse()
    .forEach((t) => t.close()),
);

/** An installation with an auditor and a short trail, closed, then edited with a SQLite tool. */
async function closedAndEdited(sql: string): Promise<string> {
  const t = await testApp();
  apps.push(t);
  await addUser(t.app, 'shenji', 'auditor');
  await caller(t.app, asRole('admin', '管理员')).call('settings.update', { unitName: '丁县考评办' });
  t.app.close();
  const raw = new Database(path.join(t.dir, DB_FILE));
  raw.exec(sql);
  raw.close();
  return t.dir;
}

async function reopen(dir: string) {
  const t = await testApp({ dir });
  apps.push(t);
  return t.app;
}

async function trail(dir: string) {
  const app = await reopen(dir);
  const auditor = caller(app, await signIn(app, 'shenji'));
  const { rows } = await auditor.call('audit.list', { action: 'system' });
  return { app, auditor, rows };
}

const triggers = (t: { app: { opened: { sqlite: Database.Database } } }) =>
  t.app.opened.sqlite
    .prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log' order by name")
    .pluck()
    .all();

describe('the start self-check', () => {
  it('puts a dropped guard of the trail back, says so in the trail, and the chain still verifies', async () => {
    const dir = await closedAndEdited('drop trigger audit_log_no_delete;');
    const { app, auditor, rows } = await trail(dir);
    expect(triggers({ app })).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
    expect(() => app.opened.sqlite.exec('delete from audit_log where seq = 1')).toThrow(/append-only/);
    expect(rows).toMatchObject([
      {
        actor: '系统（启动自检）',
        action: 'system.selfcheck',
        title: '启动自检：恢复了被删除的保护（audit_log_no_delete）',
      },
    ]);
    expect(JSON.parse(rows[0]!.detail)).toEqual({ missing: ['audit_log_no_delete'], altered: [], removed: [] });
    expect(await auditor.call('audit.verify', {})).toMatchObject({ ok: true, broken: null });
  });

  it('replaces a guard whose body was emptied, and records nothing at the next, clean start', async () => {
    const dir = await closedAndEdited(
      'drop trigger audit_log_no_update; create trigger audit_log_no_update before update on audit_log begin ' +
        'select 1; end;',
    );
    const { app, rows } = await trail(dir);
    expect(rows.map((r) => r.title)).toEqual(['启动自检：恢复了被改动的保护（audit_log_no_update）']);
    expect(() => app.opened.sqlite.exec("update audit_log set actor = '他人' where seq = 1")).toThrow(/append-only/);
    app.close();
    const again = await reopen(dir);
    expect((await caller(again, 'auditor').call('audit.list', { action: 'system' })).total).toBe(1);
  });

  it('drops a trigger no migration made (one that would swallow new entries), and the trail goes on', async () => {
    const dir = await closedAndEdited(
      'create trigger quiet before insert on audit_log begin select raise(ignore); end;',
    );
    const { app, rows } = await trail(dir);
    expect(triggers({ app })).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
    expect(rows[0]!.title).toBe('启动自检：删除了多出的触发器（quiet）');
    const before = (await caller(app, 'auditor').call('audit.list', {})).total;
    await caller(app, asRole('admin', '管理员')).call('settings.update', { unitName: '戊县考评办' });
    expect((await caller(app, 'auditor').call('audit.list', {})).total).toBe(before + 1);
  });

  it('refuses to start on a schema changed by hand, in words, leaving the database file as it was', async () => {
    const dir = await closedAndEdited('drop index people_name_idx; alter table people add column 备注二 text;');
    const file = path.join(dir, DB_FILE);
    const sha = () => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const before = sha();
    const logged: string[] = [];
    const e = await startApp({
      dataDir: dir,
      appRoot: repoRoot,
      appVersion: '0.0.0-test',
      log: { ...silentLogger, error: (m, x) => logged.push(`${m} ${(x as Error).message}`) },
      scrypt: TEST_SCRYPT,
    }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DbOpenError);
    expect((e as DbOpenError).message).toBe(
      '数据库“kaoping.db”的结构被人改动过，与本程序的数据结构不符（缺少索引 people_name_idx；表 people 多出列 备注二）。' +
        '为防止数据出错，程序没有打开它，数据未改动。请从改动之前的备份恢复（把数据目录中的“kaoping.db”移到别处后启动程序，' +
        '在首次启动页面选择“从备份恢复”），或联系技术支持。',
    );
    expect(logged).toEqual([`database not opened ${(e as Error).message}`]);
    expect(sha()).toBe(before);
  });
});
