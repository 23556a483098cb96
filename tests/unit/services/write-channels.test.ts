import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangedTables } from '../../../db/schema/exchange';
import { channels, type ChannelName } from '../../../electron/contract';
import type { App } from '../../../electron/services/app';
import { asRole } from '../../support/app';
import { World, writeScenarios } from '../../support/write-scenarios';

/**
 * Walks every channel the contract marks `writes: true` (the list comes from the contract), calls it with
 * the input its scenario prepares, and checks every travelling row it touched: raised one version, owner and
 * UUID unchanged, nothing physically removed, new rows owned by this installation at version 1. A restore
 * is checked against the backup it restored instead.
 */

type Snap = Map<string, Record<string, unknown>>;
const SYSTEM = new Set(['version', 'updated_at']);

function snapshot(sqlite: Database.Database): Snap {
  const out: Snap = new Map();
  for (const t of exchangedTables) {
    for (const r of sqlite.prepare(`select * from "${t}"`).all() as Record<string, unknown>[])
      out.set(`${t}:${r.uuid as string}`, { ...r, _table: t });
  }
  return out;
}

/** What a call did to the travelling rows, as a list of broken promises (empty when it kept them all). */
function problems(before: Snap, after: Snap, self: string): string[] {
  const out: string[] = [];
  const byId = new Map([...before.values()].map((r) => [`${r._table as string}#${r.id as number}`, r]));
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) {
      const same = [...after.values()].find((x) => x._table === b._table && x.id === b.id);
      out.push(same ? `${key}: UUID changed to ${same.uuid as string}` : `${key}: row physically removed`);
      continue;
    }
    if (a.owner_node !== b.owner_node) out.push(`${key}: owner changed`);
    const changed = Object.keys(a).filter((k) => !SYSTEM.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    const raised = (a.version as number) - (b.version as number);
    if (changed.length && raised !== 1) out.push(`${key}: ${changed.join(',')} changed, version raised by ${raised}`);
    if (!changed.length && raised !== 0 && raised !== 1) out.push(`${key}: version raised by ${raised}`);
    if (raised && a.updated_at === b.updated_at) out.push(`${key}: version raised without updated_at`);
  }
  for (const [key, a] of after) {
    if (before.has(key)) continue;
    if (byId.has(`${a._table as string}#${a.id as number}`)) continue; // reported above as a changed UUID
    if (a.version !== 1) out.push(`${key}: new row at version ${a.version as number}`);
    if (a.owner_node !== self) out.push(`${key}: new row owned by ${a.owner_node as string}, not this installation`);
  }
  return out;
}

const rowsOf = (s: Snap) => JSON.stringify([...s.entries()].sort(([a], [b]) => a.localeCompare(b)));

let world: World;
beforeAll(async () => {
  world = await World.start();
}, 180_000);
afterAll(() => {
  world?.t.close();
  world?.extra.forEach((t) => t.close());
});

const writeChannels = (Object.keys(channels) as ChannelName[]).filter((c) => channels[c].writes);
const ordered = (Object.keys(writeScenarios) as ChannelName[]).filter((c) => writeChannels.includes(c));

describe('every write channel through the one write path', () => {
  it('has a scenario for every writes: true channel, and none for a channel that does not write', () => {
    expect(writeChannels.filter((c) => !writeScenarios[c])).toEqual([]);
    expect(Object.keys(writeScenarios).filter((c) => !writeChannels.includes(c as ChannelName))).toEqual([]);
    expect(writeChannels.length).toBeGreaterThan(60);
  });

  it.each(ordered)('%s', async (channel) => {
    const step = await writeScenarios[channel]!(world);
    const app: App = step.app?.app ?? world.app;
    const restores = !!channels[channel].restores;
    const source = restores ? snapshot(world.app.opened.sqlite) : null;
    const before = snapshot(app.opened.sqlite);
    world.tick();
    const as = step.as ?? 'evaluator';
    const r = step.session
      ? await app.call(step.session, 'web', channel, step.input)
      : await app.callAs(
          typeof as === 'string' ? asRole(as, as === 'admin' ? '管理员' : '李考评') : as,
          'web',
          channel,
          step.input,
        );
    expect(r.ok ? 'ok' : r.error.message).toBe('ok');
    const after = snapshot(app.opened.sqlite);
    if (restores) {
      // a restore puts back exactly the rows the backup holds
      expect(rowsOf(after)).toBe(rowsOf(source!));
    } else {
      expect(problems(before, after, app.env.nodeId)).toEqual([]);
    }
  });
});

describe('audited reads', () => {
  it('leave an audit entry for every call and change no travelling row', async () => {
    const audited = (Object.keys(channels) as ChannelName[]).filter((c) => channels[c].audited);
    expect(audited.sort()).toEqual([
      'audit.checkpoint',
      'audit.export',
      'audits.export',
      'board.print',
      'cases.export',
      'complaints.export',
      'documents.open',
      'documents.print',
      'efficiency.export',
      'meetings.export',
      'people.archiveExport',
      'people.export',
      'results.export',
      'results.exportDrillDown',
      'rewards.export',
      'staff.form',
      'staff.formsVolume',
      'staff.summaryExport',
      'transfers.export',
      'units.export',
    ]);
    const doc = (await world.call<{ id: number }[]>('documents.list', {}))[0]!;
    // results and rewards (#16): the running plan, one of its units, a reward rule to export with
    const planId = (await world.running()).plan.id;
    const unitId = await world.unit();
    await world.call('rewards.saveRules', {
      planId,
      method: { by: 'score', base: 100, fullScore: 100 },
      reason: '测试',
    });
    // the people module (#19): a person of the unit, its 登记表 volume made first
    const person = (await world.call<{ rows: { id: number }[] }>('people.list', { unitId, limit: 1 })).rows[0]!;
    const staff = { year: 2026, unitId };
    let job = await world.call<{ id: string; state: string }>('staff.formsBatch', staff);
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = await world.call<{ id: string; state: string }>('jobs.status', { id: job.id });
    }
    const inputs: Record<string, [unknown, 'evaluator' | 'auditor']> = {
      'people.archiveExport': [{ personId: person.id, format: 'xlsx' }, 'evaluator'],
      'staff.form': [{ ...staff, personId: person.id }, 'evaluator'],
      'staff.formsVolume': [staff, 'evaluator'],
      'staff.summaryExport': [staff, 'evaluator'],
      'audit.checkpoint': [{}, 'auditor'],
      'audit.export': [{}, 'auditor'],
      'board.print': [{}, 'evaluator'],
      'complaints.export': [{}, 'evaluator'],
      'audits.export': [{}, 'evaluator'],
      'transfers.export': [{}, 'evaluator'],
      'meetings.export': [{}, 'evaluator'],
      'cases.export': [{ year: 2026 }, 'evaluator'],
      'documents.open': [{ id: doc.id }, 'evaluator'],
      'documents.print': [{ ids: [doc.id] }, 'evaluator'],
      'efficiency.export': [{ year: 2026, quarter: 3 }, 'evaluator'],
      'people.export': [{}, 'evaluator'],
      'results.export': [{ planId }, 'evaluator'],
      'results.exportDrillDown': [{ planId, unitId }, 'evaluator'],
      'rewards.export': [{ planId }, 'evaluator'],
      'units.export': [{}, 'evaluator'],
    };
    const db = world.app.opened.sqlite;
    for (const c of audited) {
      const before = snapshot(db);
      const [input, as] = inputs[c]!;
      const r = await world.app.callAs(asRole(as), 'web', c, input);
      expect(r.ok ? 'ok' : r.error.message, c).toBe('ok');
      expect(
        (db.prepare('select action from audit_log order by seq desc limit 1').get() as { action: string }).action,
      ).toBe(c);
      expect(rowsOf(snapshot(db)), c).toBe(rowsOf(before));
    }
  });
});

describe('the check itself', () => {
  it('catches a write that bypasses the write path', () => {
    const db = world.app.opened.sqlite;
    const before = snapshot(db);
    const sp = db.prepare('savepoint probe');
    sp.run();
    try {
      db.prepare('update categories set name = name || ? where id = (select min(id) from categories)').run('改');
      db.prepare('delete from calendar_days where id = (select min(id) from calendar_days)').run();
      const found = problems(before, snapshot(db), world.app.env.nodeId);
      expect(found.some((p) => /^categories:.*name changed, version raised by 0/.test(p))).toBe(true);
      expect(found.some((p) => /^calendar_days:.*physically removed/.test(p))).toBe(true);
    } finally {
      db.prepare('rollback to probe').run();
      db.prepare('release probe').run();
    }
  });
});
