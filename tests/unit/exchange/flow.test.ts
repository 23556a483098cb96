import { describe, expect, it } from 'vitest';
import { snapshotRows } from '../../support/app';
import { type Outcome, admin, register, selfId, installations } from '../../support/exchange-pair';
import { caller, samplePlan } from '../../support/sample-plan';
import { echoedHeads } from '../../../db/repos/exchange';

const { pair } = installations();

describe('exchange between a city and a county (one process, two data folders)', () => {
  it('registers both ways, sends the plan down, dry run equals import, receipt acknowledges', async () => {
    const { city, county, usb, c, k } = await pair();
    await admin(county.app)('settings.update', { unitName: '示例县考评办' });
    await samplePlan(city.app);
    await register(c, k, usb.dir);
    const countyId = await selfId(k);
    const sent = await c<{ file: string; seq: number; contents: Record<string, number> }>('exchange.export', {
      nodeId: countyId,
      dir: usb.dir,
    });
    expect(sent.seq).toBe(1);
    expect(sent.contents.targets).toBeGreaterThan(0);
    const before = snapshotRows(county.app, { auditTrail: false });
    const dry = await k<Outcome>('exchange.inspect', { file: sent.file });
    expect(dry.status, dry.message).toBe('checked');
    expect(snapshotRows(county.app, { auditTrail: false })).toBe(before);
    const done = await k<Outcome>('exchange.import', { file: sent.file, confirm: true });
    expect(done.status, done.message).toBe('accepted');
    expect(done.summary).toEqual(dry.summary);
    expect(done.summary.totals.created).toBeGreaterThan(0);
    const again = await k<Outcome>('exchange.import', { file: sent.file, confirm: true });
    expect(again).toMatchObject({ status: 'refused', stage: 'duplicate' });
    // the receipt goes back up
    const r = await c<Outcome>('exchange.import', { file: done.receiptFile!, confirm: true });
    expect(r.status, r.message).toBe('accepted');
    const next = await c<{ contents: Record<string, number> }>('exchange.export', { nodeId: countyId, dir: usb.dir });
    expect(next.contents).toEqual({});
    // the county kept the city's audit head; its receipt echoed it back, where the city's audit verify finds it
    expect(done.header?.audit).toBeTruthy();
    expect(echoedHeads(city.app.opened.sqlite)).toEqual([
      { seq: done.header!.audit!.seq, hash: done.header!.audit!.hash, at: expect.any(Number) },
    ]);
    const verified = await caller(city.app, 'auditor', '审计员')<{ ok: boolean }>('audit.verify', {});
    expect(verified.ok).toBe(true);
  });

  it('keeps case content at the level that holds it: a clue goes up to the city, never down to a county', async () => {
    const { city, county, usb, c, k } = await pair();
    await admin(county.app)('settings.update', { unitName: '示例县考评办' });
    await samplePlan(city.app);
    await register(c, k, usb.dir);
    await c('clues.file', { summary: '群众反映某局办事拖延', receivedOn: '2026-03-02' });
    await k('clues.file', { summary: '县里发现的审批超期', receivedOn: '2026-03-03' });
    const down = await c<{ file: string; contents: Record<string, number> }>('exchange.export', {
      nodeId: await selfId(k),
      dir: usb.dir,
    });
    expect(down.contents.targets).toBeGreaterThan(0);
    expect(down.contents.clues).toBeUndefined();
    const got = await k<Outcome>('exchange.import', { file: down.file, confirm: true });
    expect(got.status, got.message).toBe('accepted');
    expect((await k<{ summary: string }[]>('clues.list', {})).map((x) => x.summary)).toEqual(['县里发现的审批超期']);
    const up = await k<{ contents: Record<string, number> }>('exchange.export', {
      nodeId: await selfId(c),
      dir: usb.dir,
    });
    expect(up.contents.clues).toBe(1);
  });
});
