import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vocab from '../../../electron/vocab';
import { repoRoot } from '../../support/tmp';

const all = Object.entries(vocab).filter(([, v]) => typeof v === 'object' && v && 'values' in v) as [string, vocab.Vocabulary<string>][];

function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(e.name)) out.push({ file: rel, text: fs.readFileSync(path.join(repoRoot, rel), 'utf8') });
    }
  };
  for (const d of ['electron', 'renderer', 'db/schema', 'db/repos']) walk(d);
  // the vocabularies themselves, and the renderer's copy of the channel facts that a test generates from the contract
  return out.filter((f) => !f.file.startsWith('electron/vocab/') && f.file !== 'renderer/api/channel-facts.ts');
}

describe('vocabularies', () => {
  it('label every value, in order, and refuse a mismatch', () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const [name, v] of all) {
      expect(Object.keys(v.labels), name).toEqual([...v.values].sort((a, b) => Object.keys(v.labels).indexOf(a) - Object.keys(v.labels).indexOf(b)));
      expect(v.sqlList, name).toBe(v.values.map((x) => `'${x}'`).join(','));
    }
    expect(() => vocab.vocabulary({ a: '甲' } as Record<'a' | 'b', string>, ['a', 'b'])).toThrow('vocabulary mismatch: b');
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
        if (labels.every((l) => text.includes(l) || text.includes(l.replace(/^([\w-]+)/, "'$1'")))) hits.push(`${file}: the labels of ${name}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
