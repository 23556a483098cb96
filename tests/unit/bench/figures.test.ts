import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Figure, withPeers, writeFigures } from '../../bench/figures';
import { tempDir } from '../../support/tmp';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

const sample: Figure[] = [
  { name: 'letter render: our engine (docx)', value: 12.5, unit: 'ms' },
  { name: 'letter render: docxtemplater from template', value: 20.25, unit: 'ms' },
  { name: 'synthetic city: seeded in', value: 4321, unit: 'ms' },
  { name: 'workbook: 30,000 people', value: 2.4, unit: 'MB' },
];

describe('BENCH_JSON', () => {
  it('writes every figure as { name, value, unit } with the peer of a compared one', () => {
    const t = tempDir();
    dirs.push(t);
    const file = path.join(t.dir, 'bench.json');
    const peers = new Map([['letter render: our engine (docx)', 'letter render: docxtemplater from template']]);
    writeFigures(file, sample, peers);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as Figure[];
    expect(written).toEqual([
      {
        name: 'letter render: our engine (docx)',
        value: 12.5,
        unit: 'ms',
        peer: { name: 'letter render: docxtemplater from template', value: 20.25 },
      },
      { name: 'letter render: docxtemplater from template', value: 20.25, unit: 'ms' },
      { name: 'synthetic city: seeded in', value: 4321, unit: 'ms' },
      { name: 'workbook: 30,000 people', value: 2.4, unit: 'MB' },
    ]);
  });

  it('writes the array to the named file, nothing without one, and leaves out a peer never printed', () => {
    const t = tempDir();
    dirs.push(t);
    const file = path.join(t.dir, 'figures.json');
    writeFigures(undefined, sample);
    expect(fs.readdirSync(t.dir)).toEqual([]);
    writeFigures(file, sample);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(sample);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(withPeers(sample.slice(0, 1), new Map([[sample[0]!.name, 'gone']]))).toEqual([sample[0]]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('gone'));
    warn.mockRestore();
  });
});
