import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it, vi } from 'vitest';
import { channelNames, channels } from '../../../electron/contract';
import { refreshAfter, whileMounted } from '../../../renderer/api/refresh';
import { repoRoot } from '../../support/tmp';

/**
 * The renderer may not load the contract at run time (zod stays out of the window, see the import rule), so
 * the two facts it acts on — who may call a channel, what a write makes stale — are copied into
 * renderer/api/channel-facts.ts. This test writes that file from the contract and fails when it differs:
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

function render(): string {
  const body = channelNames.flatMap((name) => {
    const def = channels[name];
    const declares = def.writes || def.audited;
    const refreshes = declares ? `, refreshes: [${list(def.refreshes ?? [])}]` : '';
    const one = `  '${name}': { roles: [${list(def.roles)}]${refreshes} },`;
    if (one.length <= 120) return [one];
    const facts = [...wrapped('roles', def.roles), ...(declares ? wrapped('refreshes', def.refreshes ?? []) : [])];
    return [`  '${name}': {`, ...facts, '  },'];
  });
  return [
    '// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.',
    '// After changing a channel: npx vitest run tests/unit/renderer -u',
    "import type { ChannelName } from '../../electron/contract';",
    "import type { Role } from '../../electron/contract/labels';",
    '',
    'export interface ChannelFacts {',
    '  /** Roles allowed to call it. */',
    '  roles: readonly Role[];',
    '  /** For a write: the read channels a successful call makes stale. */',
    '  refreshes?: readonly ChannelName[];',
    '}',
    '',
    'export const channelFacts: { readonly [C in ChannelName]: ChannelFacts } = {',
    ...body,
    '};',
    '',
  ].join('\n');
}

describe('the renderer’s copy of the channel facts', () => {
  it('matches the contract', async () => {
    // written as the formatter writes it, so `npm run format` leaves the file as it is
    const file = path.join(repoRoot, 'renderer/api/channel-facts.ts');
    const formatted = await format(render(), { ...(await resolveConfig(file)), filepath: file });
    await expect(formatted).toMatchFileSnapshot('../../../renderer/api/channel-facts.ts');
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
