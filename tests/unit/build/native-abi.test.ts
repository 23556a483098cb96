import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../support/tmp';

interface AbiCheck {
  ok: boolean;
  abi: number | null;
  message?: string;
}
// @ts-expect-error -- a build script without types
const mod = (await import('../../../build/scripts/native-abi.mjs')) as {
  exportedAbis(bytes: Uint8Array): number[];
  checkNativeAbi(file: string, expected: number, label?: string): AbiCheck;
};

// the better-sqlite3 that npm built here for the Node running these tests
const nodeBuilt = path.join(repoRoot, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const nodeAbi = Number(process.versions.modules);

describe('the native module ABI check that guards the Electron cache and the packages', () => {
  it('reads the ABI the real better-sqlite3 module registers, from its bytes', () => {
    expect(mod.exportedAbis(fs.readFileSync(nodeBuilt))).toEqual([nodeAbi]);
    expect(mod.checkNativeAbi(nodeBuilt, nodeAbi)).toEqual({ ok: true, abi: nodeAbi });
  });

  it('refuses the Node-built module for Electron 45 (ABI 150), saying which headers it was built with', () => {
    const r = mod.checkNativeAbi(nodeBuilt, 150, 'Electron 45.5.0');
    expect(r.ok).toBe(false);
    expect(r.abi).toBe(nodeAbi);
    expect(r.message).toContain(`是为 ABI ${nodeAbi} 编译的，不是 Electron 45.5.0 所需的 ABI 150，不能使用`);
    expect(r.message).toContain(`本机 Node ${process.versions.node} 的头文件`);
  });

  it('refuses a file that is no Node module, and one that is missing, in Chinese', () => {
    const t = tempDir();
    try {
      const fake = path.join(t.dir, 'better_sqlite3.node');
      fs.writeFileSync(fake, Buffer.from('\x7fELF not a module napi_register_module_v1'));
      expect(mod.checkNativeAbi(fake, 150)).toMatchObject({ ok: false, abi: null });
      expect(mod.checkNativeAbi(fake, 150).message).toContain('不是按 Node 模块接口编译的原生模块');
      expect(mod.checkNativeAbi(path.join(t.dir, 'none.node'), 150).message).toContain('找不到原生模块');
    } finally {
      t.cleanup();
    }
  });
});
