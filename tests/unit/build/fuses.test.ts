import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/tmp';

// @ts-expect-error -- a build script without types
const fuses = (await import('../../../build/scripts/fuses.mjs')) as {
  readFuses(binary: string): Promise<Record<string, boolean | string>>;
  fuseMismatches(actual: Record<string, unknown>, expected: Record<string, boolean>): string[];
  expectedFuses(): Promise<Record<string, boolean>>;
  packagedBinaries(env: Record<string, string>): string[];
};

/** A stand-in for an Electron binary: bytes around the fuse wire as Electron lays it out (sentinel, version 1). */
function fakeBinary(dir: string, wire: string): string {
  const file = path.join(dir, 'kaoping');
  const bytes = Buffer.concat([
    Buffer.from('\x7fELF…'),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
    Buffer.from('…rest of the binary'),
  ]);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('the fuses read back from a packaged binary', () => {
  it('match the configuration when burnt as electron-builder.yml says', async () => {
    const t = tempDir();
    try {
      // RunAsNode off, cookies on, NODE_OPTIONS off, inspect off, asar integrity on, asar only on, snapshot, file off
      const file = fakeBinary(t.dir, '01001100');
      const read = await fuses.readFuses(file);
      expect(read).toMatchObject({
        runAsNode: false,
        onlyLoadAppFromAsar: true,
        grantFileProtocolExtraPrivileges: false,
      });
      expect(fuses.fuseMismatches(read, await fuses.expectedFuses())).toEqual([]);
      expect(fuses.packagedBinaries({ KAOPING_PACKAGED_APP: file })).toEqual([file]);
    } finally {
      t.cleanup();
    }
  });

  it('name a fuse left as Electron ships it (RunAsNode on), so the check fails', async () => {
    const t = tempDir();
    try {
      const read = await fuses.readFuses(fakeBinary(t.dir, '11111100'));
      expect(fuses.fuseMismatches(read, await fuses.expectedFuses())).toEqual([
        'runAsNode：应为 关闭，实际为 true',
        'enableNodeOptionsEnvironmentVariable：应为 关闭，实际为 true',
        'enableNodeCliInspectArguments：应为 关闭，实际为 true',
      ]);
    } finally {
      t.cleanup();
    }
  });
});
