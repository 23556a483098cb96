// Electron's headers given offline (KAOPING_ELECTRON_HEADERS: the unpacked folder or node-v<version>-headers.tar.gz),
// and the environment a native build runs in. Shared by electron-native.mjs (npm start) and dist.mjs (packaging).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The environment without npm's build settings: npm passes them on as npm_config_*, and node-gyp takes Debian's
 * `nodedir=/usr` over any Electron target, building against the system Node's headers.
 */
export function withoutNpmBuildSettings(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)),
  );
}

/** An unpacked headers folder (one holding include/node/node_version.h); a .tar.gz is unpacked under .cache/. */
export function headersDir(given, version) {
  let dir = path.resolve(given);
  if (!fs.existsSync(dir)) throw new Error(`KAOPING_ELECTRON_HEADERS 指向的 ${dir} 不存在。`);
  if (/\.(tar\.gz|tgz)$/i.test(dir)) {
    const into = path.join(root, '.cache', `electron-headers-${version}`);
    fs.rmSync(into, { recursive: true, force: true });
    fs.mkdirSync(into, { recursive: true });
    if (spawnSync('tar', ['-xzf', dir, '-C', into], { stdio: 'inherit' }).status !== 0)
      throw new Error(`无法解压 ${dir}。`);
    dir = into;
  }
  for (const d of [dir, path.join(dir, 'node_headers')]) {
    if (fs.existsSync(path.join(d, 'include', 'node', 'node_version.h'))) return d;
  }
  throw new Error(
    `${dir} 里没有 include/node/node_version.h：请给出 Electron ${version} 的头文件（node-v${version}-headers.tar.gz）。`,
  );
}

/**
 * Puts the headers where @electron/rebuild's node-gyp looks before it downloads (~/.electron-gyp/<version>, and
 * the per-module folder of its parallel mode), so electron-builder's rebuild works offline. On Windows the
 * Electron node.lib (KAOPING_ELECTRON_NODE_LIB) goes beside them as <arch>/node.lib.
 */
export function installForElectronRebuild(dir, version, { nodeLib, arch = process.arch, home = os.homedir() } = {}) {
  const gypVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/node-gyp/package.json'), 'utf8'));
  const base = path.join(home, '.electron-gyp');
  const targets = [path.join(base, version), path.join(base, '_p', 'better-sqlite3', version)];
  for (const t of targets) {
    fs.rmSync(t, { recursive: true, force: true });
    fs.mkdirSync(t, { recursive: true });
    fs.cpSync(path.join(dir, 'include'), path.join(t, 'include'), { recursive: true });
    if (fs.existsSync(path.join(dir, 'common.gypi')))
      fs.copyFileSync(path.join(dir, 'common.gypi'), path.join(t, 'common.gypi'));
    if (nodeLib) {
      fs.mkdirSync(path.join(t, arch), { recursive: true });
      fs.copyFileSync(nodeLib, path.join(t, arch, 'node.lib'));
    }
    fs.writeFileSync(path.join(t, 'installVersion'), `${gypVersion.installVersion}\n`);
  }
  return targets;
}
