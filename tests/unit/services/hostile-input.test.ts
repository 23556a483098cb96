import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, roles } from '../../../electron/contract';
import { asRole, snapshotRows, testApp, type TestApp } from '../../support/app';
import { sampled } from '../../support/full';
import { WHOLE_INPUT, hostileInputs } from '../../support/hostile';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

// every channel's whole-input cases (wrong shapes and types, extra fields) always run; of the
// per-field cases a fixed sample does, and all of them under `npm run test:full`
const table = sampled(
  channelNames.flatMap((name) => hostileInputs(name).map(([label, input]) => ({ name, label, input }))),
  {
    every: 3,
    label: (c) => `${c.name}: ${c.label}`,
    group: (c) => `${c.name}: ${WHOLE_INPUT.has(c.label) ? c.label : 'field'}`,
  },
);

describe('every channel fed malformed input', () => {
  it('has cases for every channel', () => {
    for (const name of channelNames)
      expect(
        table.some((c) => c.name === name),
        name,
      ).toBe(true);
  });

  it.each(table)('$name: $label → INVALID_INPUT in Chinese, nothing written', async ({ name, input }) => {
    const before = snapshotRows(t.app);
    const r = await t.app.callAs(asRole(channels[name].roles[0]!), 'web', name, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.error.message.length).toBeLessThan(300);
    expect(snapshotRows(t.app)).toBe(before);
  });

  it.each(roles)('an unknown channel is refused for %s', async (role) => {
    for (const channel of ['nope.nothing', '', '__proto__', 'constructor', 'toString', null, 7, { a: 1 }]) {
      const r = await t.app.callAs(asRole(role), 'web', channel, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });
});
