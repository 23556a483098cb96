import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../support/tmp';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, log: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const config = yaml.load(fs.readFileSync(path.join(repoRoot, 'build/electron-builder.yml'), 'utf8')) as {
  win: { icon: string; target: { target: string }[] };
  nsis: Record<string, unknown>;
  linux: { icon: string };
  electronFuses: Record<string, boolean>;
  afterPack: string;
};
const resources = path.join(repoRoot, 'build/resources');

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer) => [b.readUInt32BE(16), b.readUInt32BE(20)];

describe('what an office installs', () => {
  it('is a configuration electron-builder itself accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('installs in Chinese, per user or for all users as chosen, with a 考评 desktop shortcut, keeping the data', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false, // with oneClick false: the page that asks 仅为我 / 所有用户
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: 'always',
      shortcutName: '考评',
      deleteAppDataOnUninstall: false,
    });
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
  });

  it('carries its own icon, not Electron’s: a 512 PNG, Linux sizes, a Windows .ico up to 256', () => {
    expect(pngSize(fs.readFileSync(path.join(resources, 'icon.png')))).toEqual([512, 512]);
    for (const s of [16, 32, 48, 256, 512]) {
      expect(pngSize(fs.readFileSync(path.join(resources, config.linux.icon, `${s}x${s}.png`)))).toEqual([s, s]);
    }
    const ico = fs.readFileSync(path.join(resources, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('burns the fuses that keep the packaged app from running as Node or loading code from outside its asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('the afterPack check', () => {
  it('stops a package whose better-sqlite3 was built for Node instead of Electron, saying why', async () => {
    // @ts-expect-error -- a build script without types
    const hook = (await import('../../../build/scripts/after-pack.mjs')) as {
      afterPack(context: { appOutDir: string }): Promise<void>;
    };
    expect(path.resolve(repoRoot, config.afterPack)).toBe(path.join(repoRoot, 'build/scripts/after-pack.mjs'));
    const t = tempDir();
    try {
      const release = path.join(t.dir, 'resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release');
      fs.mkdirSync(release, { recursive: true });
      await expect(hook.afterPack({ appOutDir: t.dir })).rejects.toThrow('里没有 better_sqlite3.node');
      fs.copyFileSync(
        path.join(repoRoot, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
        path.join(release, 'better_sqlite3.node'),
      );
      await expect(hook.afterPack({ appOutDir: t.dir })).rejects.toThrow(
        new RegExp(
          `是为 ABI ${process.versions.modules} 编译的，不是 Electron [\\d.]+ 所需的 ABI \\d+，不能使用。.*打包已停止`,
        ),
      );
    } finally {
      t.cleanup();
    }
  });
});

describe('Electron headers given offline', () => {
  it('keep npm’s nodedir away from node-gyp and go where electron-builder’s rebuild looks', async () => {
    // @ts-expect-error -- a build script without types
    const h = (await import('../../../build/scripts/electron-headers.mjs')) as {
      withoutNpmBuildSettings(env: Record<string, string>): Record<string, string>;
      headersDir(given: string, version: string): string;
      installForElectronRebuild(
        dir: string,
        version: string,
        o: { home: string; nodeLib?: string; arch?: string },
      ): string[];
    };
    expect(h.withoutNpmBuildSettings({ npm_config_nodedir: '/usr', npm_config_cache: '/c', PATH: '/bin' })).toEqual({
      npm_config_cache: '/c',
      PATH: '/bin',
    });
    const t = tempDir();
    try {
      const headers = path.join(t.dir, 'node_headers');
      fs.mkdirSync(path.join(headers, 'include/node'), { recursive: true });
      fs.writeFileSync(path.join(headers, 'include/node/node_version.h'), '#define NODE_MODULE_VERSION 150\n');
      expect(h.headersDir(t.dir, '45.5.0')).toBe(headers);
      expect(() => h.headersDir(path.join(t.dir, 'none'), '45.5.0')).toThrow('不存在');
      fs.writeFileSync(path.join(t.dir, 'node.lib'), 'lib');
      const home = path.join(t.dir, 'home');
      const into = h.installForElectronRebuild(headers, '45.5.0', {
        home,
        nodeLib: path.join(t.dir, 'node.lib'),
        arch: 'x64',
      });
      expect(into[0]).toBe(path.join(home, '.electron-gyp', '45.5.0'));
      for (const d of into) {
        expect(fs.readFileSync(path.join(d, 'include/node/node_version.h'), 'utf8')).toContain('150');
        expect(fs.readFileSync(path.join(d, 'x64/node.lib'), 'utf8')).toBe('lib');
        // node-gyp reinstalls (downloads) headers whose installVersion is older than its own
        expect(Number(fs.readFileSync(path.join(d, 'installVersion'), 'utf8'))).toBe(
          require('node-gyp/package.json').installVersion,
        );
      }
    } finally {
      t.cleanup();
    }
  });
});
