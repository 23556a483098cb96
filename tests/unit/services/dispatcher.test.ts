import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { createDispatcher } from '../../../electron/services/dispatcher';
import type { HandlerMap } from '../../../electron/services/handler';
import { handlers } from '../../../electron/services/handlers';
import { type Logger } from '../../../electron/services/logger';
import { GENESIS_HASH, entryHash, recentAudit } from '../../../db/repos/audit';
import { anchorDirOf, asRole, snapshotRows, testApp, type TestApp } from '../../support/app';
import { loadMigrations } from '../../../db/migrate';
import { migrationsFolder } from '../../support/tmp';
import { JobStore } from '../../../electron/services/jobs';
import { RenderPool } from '../../../electron/services/documents/pool';
import { AnchorKeeper } from '../../../electron/services/audit-anchors';
import { UploadStore } from '../../../electron/services/uploads';

let t: TestApp;
afterEach(() => t?.close());

function dispatcherWith(over: Partial<HandlerMap>, log: Logger = { info() {}, error() {} }) {
  return createDispatcher({
    database: () => t.app.opened,
    env: t.app.env,
    services: {
      sessions: t.app.sessions,
      scrypt: { log2N: 10, r: 8, p: 1 },
      restore: () => Promise.reject(new Error('no')),
      busy: () => null,
      hold: () => () => {},
      jobs: new JobStore(),
      database: () => t.app.opened,
      callAs: () => Promise.reject(new Error('no')),
      anchors: new AnchorKeeper(t.dir, anchorDirOf(t.dir)),
      render: new RenderPool(0),
      uploads: new UploadStore(t.dir),
    },
    handlers: { ...handlers, ...over } as HandlerMap,
    log,
    now: () => 1_767_225_600_000,
  });
}

describe('dispatcher', () => {
  it('answers a read with its value and writes no audit entry', async () => {
    t = await testApp();
    const r = await t.app.callAs(asRole('leader'), 'web', 'system.info', {});
    expect(r).toMatchObject({
      ok: true,
      value: { transport: 'web', caller: { role: 'leader' }, schemaVersion: loadMigrations(migrationsFolder).length },
    });
    expect(recentAudit(t.app.opened.sqlite, 10)).toEqual([]);
  });

  it('refuses an unknown channel in Chinese', async () => {
    t = await testApp();
    const r = await t.app.callAs(asRole('admin'), 'cli', 'system.format', {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: expect.stringMatching(/没有这个功能/) },
    });
  });

  it('refuses a role the channel does not allow, naming role and action; writes only the refusal', async () => {
    t = await testApp();
    const before = snapshotRows(t.app, { auditTrail: false });
    const r = await t.app.callAs(asRole('clerk'), 'web', 'settings.update', { unitName: '某局' });
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '“录入员”角色无权执行“修改系统设置”。' } });
    expect(snapshotRows(t.app, { auditTrail: false })).toBe(before);
    expect(recentAudit(t.app.opened.sqlite, 10)).toMatchObject([
      { actor: '测试clerk', role: 'clerk', action: 'refused:settings.update' },
    ]);
  });

  it('records a write with who, role, channel, target and what changed, hash-chained', async () => {
    t = await testApp();
    const admin = asRole('admin', '张三');
    await t.app.callAs(admin, 'electron', 'settings.update', { unitName: '甲县考评办' });
    await t.app.callAs(admin, 'web', 'settings.update', { level: 'city' });
    const rows = recentAudit(t.app.opened.sqlite, 10).reverse();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      seq: 1,
      actor: '张三',
      role: 'admin',
      action: 'settings.update',
      target: 'settings',
    });
    expect(JSON.parse(rows[0]!.detail)).toEqual({
      via: 'electron',
      changed: { unitName: { from: '', to: '甲县考评办' } },
    });
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    for (const r of rows) expect(r.hash).toBe(entryHash(r.prevHash, r));
  });

  it('turns an AppError from a handler into its code and message, rolling the write back', async () => {
    t = await testApp();
    const before = snapshotRows(t.app);
    const dispatch = dispatcherWith({
      'settings.update': (ctx) => {
        ctx.sqlite.prepare(`insert into settings (key, value, updated_at, updated_by) values ('x', '1', 0, 'y')`).run();
        throw new AppError('RULE_VIOLATION', '方案已发布，不能修改。');
      },
    });
    const r = await dispatch({
      trustedCaller: asRole('admin'),
      channel: 'settings.update',
      input: {},
      transport: 'web',
    });
    expect(r).toEqual({ ok: false, error: { code: 'RULE_VIOLATION', message: '方案已发布，不能修改。' } });
    expect(snapshotRows(t.app)).toBe(before);
  });

  it('hides an unexpected failure behind an incident number, logs the stack and writes nothing', async () => {
    t = await testApp();
    const before = snapshotRows(t.app);
    const logged: string[] = [];
    const dispatch = dispatcherWith(
      {
        'settings.update': (ctx) => {
          ctx.sqlite
            .prepare(`insert into settings (key, value, updated_at, updated_by) values ('x', '1', 0, 'y')`)
            .run();
          throw new TypeError('cannot read properties of undefined');
        },
      },
      { info() {}, error: (m, e) => logged.push(`${m} ${(e as Error).stack}`) },
    );
    const r = await dispatch({
      trustedCaller: asRole('admin'),
      channel: 'settings.update',
      input: {},
      transport: 'web',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INTERNAL');
    expect(r.error.message).toMatch(/^操作未完成，数据未改动。系统内部错误（编号 [0-9a-f]{8}）/);
    expect(r.error.message).not.toMatch(/undefined/);
    expect(logged[0]).toMatch(/TypeError: cannot read properties/);
    expect(snapshotRows(t.app)).toBe(before);
  });

  it('refuses a handler answer that breaks the output schema, rolling the write back', async () => {
    t = await testApp();
    const before = snapshotRows(t.app);
    const dispatch = dispatcherWith({
      'settings.update': (ctx) => {
        ctx.sqlite.prepare(`insert into settings (key, value, updated_at, updated_by) values ('x', '1', 0, 'y')`).run();
        return { unitName: 42 } as never;
      },
    });
    const r = await dispatch({
      trustedCaller: asRole('admin'),
      channel: 'settings.update',
      input: {},
      transport: 'web',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(snapshotRows(t.app)).toBe(before);
  });

  it('names no internal field in a refusal: a file over 20 MB says so in words', async () => {
    t = await testApp();
    const base64 = 'A'.repeat(28_000_004);
    const r = await t.app.callAs(asRole('evaluator'), 'web', 'units.import', { fileName: '单位.xlsx', base64 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '填写的内容有误：文件超过 20 MB，未接收。请拆分后导入。' },
    });
    if (!r.ok) expect(r.error.message).not.toMatch(/base64|[a-z]{4,}/);
  });

  it('reports invalid input field by field in Chinese', async () => {
    t = await testApp();
    const r = await t.app.callAs(asRole('admin'), 'web', 'settings.update', { unitName: '  ', level: 'planet' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toBe('填写的内容有误：请填写本单位名称');
    expect(r.error.fields).toEqual([
      { path: 'unitName', message: '请填写本单位名称' },
      { path: 'level', message: '级别只能是市级、县（区）级、乡镇（街道）或部门' },
    ]);
  });
});
