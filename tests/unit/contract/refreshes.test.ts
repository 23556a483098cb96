import { describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../../electron/contract';

const writes = channelNames.filter((n) => channels[n].writes);
const reads = new Set(channelNames.filter((n) => !channels[n].writes));
/** Reads that change nothing shown: an audited read adds to the audit trail, so it may declare refreshes. */
const plainReads = [...reads].filter((n) => !channels[n].audited);

/** The renderer reloads what a write declares stale; a write that forgets leaves a screen showing old data. */
describe('what a write makes stale', () => {
  it.each(writes)('%s declares the read channels it refreshes, each a real read channel, once', (name) => {
    const refreshes = channels[name].refreshes;
    expect(refreshes, `${name} declares no refreshes ([] if nothing shown changes)`).toBeDefined();
    for (const r of refreshes ?? []) {
      expect(reads.has(r as never), `${name} refreshes “${r}”, not a read channel`).toBe(true);
    }
    expect(new Set(refreshes).size).toBe(refreshes?.length);
  });

  it('no plain read channel declares refreshes', () => {
    expect(plainReads.filter((n) => channels[n].refreshes !== undefined)).toEqual([]);
  });

  it('the lists a user changes most are refreshed by the writes that change them', () => {
    const refreshes = (n: (typeof writes)[number]) => channels[n].refreshes ?? [];
    expect(refreshes('units.create')).toContain('units.list');
    expect(refreshes('targets.save')).toEqual(expect.arrayContaining(['targets.list', 'plans.get']));
    expect(refreshes('letters.sign')).toEqual(expect.arrayContaining(['letters.list', 'targets.list']));
    expect(refreshes('notices.create')).toEqual(expect.arrayContaining(['notices.list', 'board.list']));
    expect(refreshes('settings.update')).toContain('system.info');
  });
});
