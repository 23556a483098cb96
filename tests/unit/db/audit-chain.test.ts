import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../db/repos/audit';
import { asRole, testApp, type TestApp } from '../../support/app';
import { caller } from '../../support/caller';

let t: TestApp;
afterEach(() => t?.close());

async function trailOf(n: number): Promise<TestApp> {
  t = await testApp();
  for (let i = 0; i < n; i++) {
    const r = await caller(t.app, asRole('admin', `管理员${i}`)).attempt('settings.update', {
      unitName: `第${i}次设置`,
    });
    expect(r.ok).toBe(true);
  }
  return t;
}

/** What someone with a SQLite tool could do: drop the guards and edit the file. */
function tamper(sql: string) {
  const db = t.app.opened.sqlite;
  db.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete;');
  db.exec(sql);
}

describe('the hash-chained audit trail', () => {
  it('verifies an untouched trail and names its head', async () => {
    await trailOf(8);
    const v = verifyAuditChain(t.app.opened.sqlite);
    expect(v).toMatchObject({ ok: true, count: 8, broken: null, head: { seq: 8 } });
  });

  it('is append-only through the app: the database refuses updates and deletes', async () => {
    await trailOf(2);
    expect(() => t.app.opened.sqlite.exec("update audit_log set actor = 'x' where seq = 1")).toThrow(/append-only/);
    expect(() => t.app.opened.sqlite.exec('delete from audit_log where seq = 2')).toThrow(/append-only/);
  });

  it('finds an edited row, with its position', async () => {
    await trailOf(8);
    tamper("update audit_log set actor = '他人' where seq = 5");
    expect(verifyAuditChain(t.app.opened.sqlite)).toMatchObject({
      ok: false,
      count: 4,
      broken: { seq: 5, position: 5, kind: 'edited', message: '第 5 条（序号 5）的内容与其校验值不符：记录被修改' },
    });
  });

  it('finds an edit that also recomputed nothing else: changing the detail only', async () => {
    await trailOf(3);
    tamper(`update audit_log set detail = replace(detail, '第1次', '第9次') where seq = 2`);
    expect(verifyAuditChain(t.app.opened.sqlite).broken).toMatchObject({ seq: 2, kind: 'edited' });
  });

  it('finds a deleted row', async () => {
    await trailOf(8);
    tamper('delete from audit_log where seq = 4');
    expect(verifyAuditChain(t.app.opened.sqlite)).toMatchObject({
      ok: false,
      broken: { seq: 5, position: 4, kind: 'missing', message: expect.stringMatching(/缺少序号 4 的记录：记录被删除/) },
    });
  });

  it('finds two swapped rows', async () => {
    await trailOf(8);
    // swap every column but the sequence number between rows 3 and 6
    tamper(`
      create temp table s as select * from audit_log where seq in (3, 6);
      update audit_log set hash = 'x' || hash where seq in (3, 6);
      update audit_log set (at, actor, role, action, target, detail, prev_hash, hash) =
        (select at, actor, role, action, target, detail, prev_hash, hash from s where s.seq = 9 - audit_log.seq)
        where seq in (3, 6);`);
    expect(verifyAuditChain(t.app.opened.sqlite)).toMatchObject({
      ok: false,
      broken: { seq: 3, position: 3, kind: 'reordered' },
    });
  });
});
