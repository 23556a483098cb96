import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/hosts/args';
import { isAppUrl } from '../../../electron/services/app-url';
import { defaultDataDir, locateAppRoot, resolveDataDir } from '../../../electron/services/data-dir';
import { resolveStatic } from '../../../electron/services/static-files';
import { repoRoot, tempDir } from '../../support/tmp';

describe('isAppUrl (which frames may call into Electron main)', () => {
  it.each(['app://kaoping/index.html', 'app://kaoping/', 'app://kaoping/index.html#/settings'])('accepts %s', (u) => {
    expect(isAppUrl(u)).toBe(true);
  });
  it.each([
    'app://kaoping.evil/index.html',
    'app://evil/kaoping/index.html',
    'app://x@kaoping/index.html',
    'app://kaoping:81/index.html',
    'https://kaoping/index.html',
    'file:///app/kaoping/index.html',
    'http://127.0.0.1:5173/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
    'not a url',
    null,
    undefined,
  ])('refuses %s', (u) => {
    expect(isAppUrl(u)).toBe(false);
  });
});

describe('resolveStatic', () => {
  const t = tempDir();
  const root = path.join(t.dir, 'r');
  fs.mkdirSync(path.join(root, 'a'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), 'i');
  fs.writeFileSync(path.join(root, 'a', 'x.js'), 'x');
  fs.writeFileSync(path.join(t.dir, 'outside.txt'), 'o');
  fs.symlinkSync(path.join(t.dir, 'outside.txt'), path.join(root, 'link.txt'));
  afterAll(() => t.cleanup());

  it('maps / to index.html and finds nested files', () => {
    expect(resolveStatic(root, '/')).toBe(fs.realpathSync(path.join(root, 'index.html')));
    expect(resolveStatic(root, '/a/x.js?v=1')).toBe(fs.realpathSync(path.join(root, 'a', 'x.js')));
  });
  it.each([
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/a/%2e%2e/%2e%2e/outside.txt',
    '/link.txt',
    '/a',
    '/%E0%A4%A',
    '/a\\..\\..\\outside.txt',
    '/index.html%00.js',
  ])('refuses %s', (p) => {
    expect(resolveStatic(root, p)).toBeNull();
  });
});

describe('data folder', () => {
  it('takes --data-dir, then --data-dir=, then KAOPING_DATA_DIR, then the default', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir', '/d/1'], {}, '/def')).toBe(path.resolve('/d/1'));
    expect(resolveDataDir(['--data-dir=/d/2'], { KAOPING_DATA_DIR: '/e' }, '/def')).toBe(path.resolve('/d/2'));
    expect(resolveDataDir([], { KAOPING_DATA_DIR: '/e' }, '/def')).toBe(path.resolve('/e'));
    expect(resolveDataDir(['--data-dir'], {}, '/def')).toBe('/def');
  });
  it("matches Electron's user-data folder on each platform", () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe(
      path.join('C:\\Users\\a\\AppData\\Roaming', 'Kaoping'),
    );
    expect(defaultDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/Kaoping');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe('/x/Kaoping');
    expect(defaultDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/Kaoping');
  });
  it('finds the app root from a source folder or a bundle folder', () => {
    expect(locateAppRoot(path.join(repoRoot, 'electron', 'hosts'))).toBe(repoRoot);
    expect(locateAppRoot(path.join(repoRoot, 'dist', 'main'))).toBe(repoRoot);
  });
});

describe('parseArgs', () => {
  it('reads positionals and both flag forms', () => {
    const a = parseArgs(['call', 'x.y', '{}', '--as', '张三', '--role=leader', '--verbose']);
    expect(a.positional).toEqual(['call', 'x.y', '{}']);
    expect(Object.fromEntries(a.flags)).toEqual({ as: '张三', role: 'leader', verbose: true });
  });
});
