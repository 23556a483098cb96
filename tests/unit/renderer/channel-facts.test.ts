import fs from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it, vi } from 'vitest';
import { type ChannelName, channelNames, channels } from '../../../electron/contract';
import { refreshAfter, whileMounted } from '../../../renderer/api/refresh';
import { repoRoot } from '../../support/tmp';

/**
 * The renderer may not load the contract at run time (zod stays out of the window, see the import rule), so
 * the two facts it acts on — who may call a channel, what a write makes stale — are copied into
 * renderer/api/channel-facts/. This test writes those files from the contract and fails when one differs:
 * after changing a channel's roles or refreshes, run `npx vitest run tests/unit/renderer -u`.
 */
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

function wrapped(key: string, xs: readonly string[]): string[] {
  const one = `    ${key}: [${list(xs)}],`;
  if (one.length <= 120) return [one];
  const lines = [`    ${key}: [`];
  let line = '     ';
  for (const x of xs) {
    if (line.length + x.length + 4 > 120) {
      lines.push(line);
      line = '     ';
    }
    line += ` '${x}',`;
  }
  return [...lines, line, '    ],'];
}

const HEAD = [
  '// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.',
  '// After changing a channel: npx vitest run tests/unit/renderer -u',
];
const DIR = 'renderer/api/channel-facts';
const CONTRACT = 'electron/contract/channels';
const camel = (file: string) => file.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

function factsOf(names: readonly ChannelName[]): string[] {
  return names.flatMap((name) => {
    const def = channels[name];
    const declares = def.writes || def.audited;
    const refreshes = declares ? `, refreshes: [${list(def.refreshes ?? [])}]` : '';
    const one = `  '${name}': { roles: [${list(def.roles)}]${refreshes} },`;
    if (one.length <= 120) return [one];
    const facts = [...wrapped('roles', def.roles), ...(declares ? wrapped('refreshes', def.refreshes ?? []) : [])];
    return [`  '${name}': {`, ...facts, '  },'];
  });
}

/**
 * One file of facts for each file of the contract's channels (the seam the contract already has), and an index that
 * joins them and is typed to hold every channel: a channel left out of the files fails the renderer's typecheck.
 */
async function render(): Promise<Map<string, string>> {
  const files = fs
    .readdirSync(path.join(repoRoot, CONTRACT))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  const out = new Map<string, string>();
  const known = new Set<string>(channelNames);
  for (const file of files) {
    const mod = (await import(path.join(repoRoot, CONTRACT, `${file}.ts`))) as Record<string, unknown>;
    const names = Object.values(mod)
      .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
      .flatMap((v) => Object.keys(v).filter((k) => known.has(k))) as ChannelName[];
    if (!names.length) continue;
    out.set(
      `${file}.ts`,
      [
        ...HEAD,
        "import type { ChannelName } from '../../../electron/contract';",
        "import type { ChannelFacts } from './types';",
        '',
        `export const ${camel(file)}Facts = {`,
        ...factsOf(names),
        '} satisfies { readonly [C in ChannelName]?: ChannelFacts };',
        '',
      ].join('\n'),
    );
  }
  const areas = [...out.keys()].map((f) => f.slice(0, -3));
  out.set(
    'index.ts',
    [
      ...HEAD,
      "import type { ChannelName } from '../../../electron/contract';",
      "import type { ChannelFacts } from './types';",
      ...areas.map((a) => `import { ${camel(a)}Facts } from './${a}';`),
      '',
      "export type { ChannelFacts } from './types';",
      '',
      'export const channelFacts: { readonly [C in ChannelName]: ChannelFacts } = {',
      ...areas.map((a) => `  ...${camel(a)}Facts,`),
      '};',
      '',
    ].join('\n'),
  );
  return out;
}

describe('the renderer’s copy of the channel facts', () => {
  it('matches the contract, one file for each file of channels', async () => {
    const files = await render();
    // every channel exactly once across the files
    const named = [...files.values()].flatMap((t) => [...t.matchAll(/^ {2}'([\w.-]+)': \{/gm)].map((m) => m[1]));
    expect(named.sort()).toEqual([...channelNames].sort());
    for (const [name, text] of files) {
      // written as the formatter writes it, so `npm run format` leaves the file as it is
      const file = path.join(repoRoot, DIR, name);
      const formatted = await format(text, { ...(await resolveConfig(file)), filepath: file });
      await expect(formatted).toMatchFileSnapshot(`../../../${DIR}/${name}`);
    }
    // nothing left over from a contract file that is gone
    const present = fs.readdirSync(path.join(repoRoot, DIR)).filter((f) => f !== 'types.ts');
    expect(present.sort()).toEqual([...files.keys()].sort());
  });
});

describe('the refresh after a write', () => {
  it('reloads the mounted lists the write declares stale, and no others, until they unmount', () => {
    const units = vi.fn();
    const letters = vi.fn();
    const users = vi.fn();
    const off = [
      whileMounted('units.list', units),
      whileMounted('letters.list', letters),
      whileMounted('users.list', users),
    ];
    refreshAfter('units.create');
    expect([units.mock.calls.length, letters.mock.calls.length, users.mock.calls.length]).toEqual([1, 1, 0]);
    off.forEach((f) => f());
    refreshAfter('units.create');
    expect(units).toHaveBeenCalledTimes(1);
  });
});
