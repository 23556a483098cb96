import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { auditHead } from '../../../db/repos/audit';
import { addUser, anchorDirOf, asRole, testApp, type TestApp } from '../../support/app';
import { runCliOn } from '../../support/cli';
import { docxParts } from '../../support/docx';

/**
 * The end of the trail is anchored outside the database: deleting the newest entries (with the protection
 * dropped first, as someone with a SQLite tool would) is found at the next start and by every verify, with the
 * missing range, against the anchor files, the backups' manifests or the checkpoint printed on paper.
 */
const open: TestApp[] = [];
afterEach(() => open.splice(0).forEach((t) => t.close()));

const auditor = asRole('auditor', 'shenji');
type Verify = { ok: boolean; count: number; losses: { message: string; recordedAt: number | null }[] };

async function office(): Promise<TestApp> {
  const t = await testApp();
  open.push(t);
  for (let i = 1; i <= 60; i++) {
    const r = await t.app.callAs(asRole('evaluator'), 'web', 'units.create', {
      code: `DW-${i}`,
      name: `单位${i}`,
      kind: 'department',
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  return t;
}

async function call<T>(t: TestApp, channel: string, input: unknown, as = auditor): Promise<T> {
  const r = await t.app.callAs(as, 'web', channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/**
 * Closes the app, cuts the trail's newest entries with plain SQLite, opens the folder again. A careful hand puts the
 * protection back afterwards; a careless one leaves it for the start self-check to restore (with an entry of its own).
 */
async function cutWhileClosed(
  t: TestApp,
  keep: number,
  also: () => void = () => {},
  careful = false,
): Promise<TestApp> {
  t.app.close();
  const db = new Database(path.join(t.dir, 'kaoping.db'));
  const trigger = (
    db.prepare("select sql from sqlite_master where name = 'audit_log_no_delete'").get() as { sql: string }
  ).sql;
  db.exec('drop trigger audit_log_no_delete');
  db.prepare('delete from audit_log where seq > ?').run(keep);
  if (careful) db.exec(trigger);
  db.close();
  also();
  const again = await testApp({ dir: t.dir });
  open.push(again);
  return again;
}

describe('a trail cut at its end', () => {
  for (const [what, cut] of [
    ['the last entry', 1],
    ['the last 50', 50],
    ['every entry', 60],
  ] as const) {
    it(`is found at the next start and by verify: ${what}`, async () => {
      const t = await office();
      const head = auditHead(t.app.opened.sqlite)!.seq;
      const again = await cutWhileClosed(t, head - cut);
      const v = await call<Verify>(again, 'audit.verify', {});
      expect(v.ok).toBe(false);
      expect(v.losses[0]!.message).toContain(`缺少序号 ${head - cut + 1} 至 ${head} 的记录`);
      expect(v.losses[0]!.recordedAt).not.toBeNull();
      // the loss is itself an entry of the trail, where the auditor's list shows it
      const list = await call<{ rows: { action: string; actor: string }[] }>(again, 'audit.list', {
        action: 'audit.gap',
        offset: 0,
        limit: 5,
      });
      expect(list.rows).toHaveLength(1);
      // and the command line says so with a failing exit code
      await addUser(again.app, 'shenji', 'auditor');
      const cli = await cliVerify(again, []);
      expect(cli.code).toBe(3);
      expect(cli.err).toContain(`缺少序号 ${head - cut + 1} 至 ${head} 的记录`);
    });
  }

  it('is found by the backup that holds a later head when both anchor files were removed too', async () => {
    const t = await office();
    const b = await call<{ auditHead: number }>(t, 'backup.create', {}, asRole('admin'));
    const again = await cutWhileClosed(t, 10, () => {
      fs.rmSync(path.join(t.dir, 'audit-head.json'));
      fs.rmSync(anchorDirOf(t.dir), { recursive: true });
    });
    const v = await call<Verify>(again, 'audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.losses.map((l) => l.message).join('\n')).toMatch(
      new RegExp(`备份文件中的锚点“考评备份-[^”]+”.*缺少序号 11 至 ${b.auditHead} 的记录`),
    );
  });

  it('is found, while the app runs, at the next call: the anchors never move back over a cut', async () => {
    const t = await office();
    const head = auditHead(t.app.opened.sqlite)!.seq;
    const db = new Database(path.join(t.dir, 'kaoping.db'));
    db.exec('drop trigger audit_log_no_delete');
    db.prepare('delete from audit_log where seq > ?').run(head - 5);
    db.close();
    await call(t, 'system.info', {}, asRole('leader'));
    const v = await call<Verify>(t, 'audit.verify', {});
    expect(v.losses.map((l) => l.message).join()).toContain(`缺少序号 ${head - 4} 至 ${head} 的记录`);
  });

  it('with every anchor removed, only the checkpoint filed on paper still tells', async () => {
    const t = await office();
    const cp = await call<{ fileName: string; base64: string; seq: number; hash: string }>(t, 'audit.checkpoint', {});
    const xml = (await docxParts(Buffer.from(cp.base64, 'base64'))).get('word/document.xml')!;
    expect(xml).toContain(`>${cp.seq}<`);
    expect(xml).toContain(
      cp.hash
        .slice(0, 16)
        .replace(/(.{4})/g, '$1 ')
        .trim(),
    );
    const again = await cutWhileClosed(
      t,
      20,
      () => {
        fs.rmSync(path.join(t.dir, 'audit-head.json'));
        fs.rmSync(anchorDirOf(t.dir), { recursive: true });
      },
      true,
    );
    // nothing on this machine remembers the end: this is what stays undetectable without the paper
    expect(await call<Verify>(again, 'audit.verify', {})).toMatchObject({ ok: true, losses: [] });
    const paper = [{ seq: cp.seq, hash: cp.hash.slice(0, 16).replace(/(.{4})/g, '$1 ') }];
    const v = await call<Verify>(again, 'audit.verify', { checkpoints: paper });
    expect(v.ok).toBe(false);
    expect(v.losses[0]!.message).toContain(`纸质检查点（序号 ${cp.seq}），缺少序号 21 至 ${cp.seq} 的记录`);
    await addUser(again.app, 'shenji', 'auditor');
    const cli = await cliVerify(again, ['--anchor', `${cp.seq}:${cp.hash.slice(0, 20)}`]);
    expect(cli.code).toBe(3);
  });

  it('an intact trail verifies against all its anchors, through restarts and restores', async () => {
    const t = await office();
    const b = await call<{ file: string }>(t, 'backup.create', {}, asRole('admin'));
    await call(t, 'backup.restore', { file: b.file, confirm: true }, asRole('admin'));
    t.app.close();
    const again = await testApp({ dir: t.dir });
    open.push(again);
    const v = await call<Verify & { anchorsChecked: number }>(again, 'audit.verify', {});
    expect(v).toMatchObject({ ok: true, losses: [] });
    expect(v.anchorsChecked).toBeGreaterThanOrEqual(4); // two files, the backup, the safety copy
  });
});

const cliVerify = (t: TestApp, extra: string[]) => runCliOn(t.app, ['audit', 'verify', '--as', 'shenji', ...extra]);
