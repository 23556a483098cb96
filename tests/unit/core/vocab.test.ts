import { describe, expect, it } from 'vitest';
import * as vocab from '../../../electron/vocab';
import { sourceFiles } from '../../support/sources';

const all = Object.entries(vocab).filter(([, v]) => typeof v === 'object' && v && 'values' in v) as [
  string,
  vocab.Vocabulary<string>,
][];

// the vocabularies themselves, and the renderer's copy of the channel facts that a test generates from the contract
const sources = () =>
  sourceFiles(
    ['electron', 'renderer', 'db/schema', 'db/repos'],
    (f) => f.startsWith('electron/vocab/') || f.startsWith('renderer/api/channel-facts/'),
  );

describe('vocabularies', () => {
  it('label every value, in order, and refuse a mismatch', () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const [name, v] of all) {
      expect(Object.keys(v.labels), name).toEqual(
        [...v.values].sort((a, b) => Object.keys(v.labels).indexOf(a) - Object.keys(v.labels).indexOf(b)),
      );
      expect(v.sqlList, name).toBe(v.values.map((x) => `'${x}'`).join(','));
    }
    expect(() => vocab.vocabulary({ a: '甲' } as Record<'a' | 'b', string>, ['a', 'b'])).toThrow(
      'vocabulary mismatch: b',
    );
  });

  it('are spelled once: no other source file lists a vocabulary’s values or repeats its labels as a table', () => {
    const hits: string[] = [];
    for (const { file, text } of sources()) {
      for (const [name, v] of all) {
        if (v.values.length < 2) continue;
        // the whole list written out again: ['a', 'b', 'c']
        const list = new RegExp(`\\[\\s*${v.values.map((x) => `'${x}'`).join(',\\s*')}\\s*\\]`);
        if (list.test(text)) hits.push(`${file}: the values of ${name}`);
        // the whole label table written out again: { a: '甲', b: '乙' }
        const labels = v.values.map((x) => `${x}: '${v.labels[x]}'`);
        if (labels.every((l) => text.includes(l) || text.includes(l.replace(/^([\w-]+)/, "'$1'"))))
          hits.push(`${file}: the labels of ${name}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
