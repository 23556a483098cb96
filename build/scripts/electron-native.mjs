// Builds better-sqlite3 for Electron's ABI into .cache/electron-abi-<abi>/ for `npm start`, leaving node_modules
// built for Node so that `npm test` keeps working. Electron main loads it through better-sqlite3's nativeBinding
// option. Offline: KAOPING_ELECTRON_HEADERS (or --headers) names Electron's headers, the unpacked folder or the
// node-v<version>-headers.tar.gz itself; online it tries a prebuilt binary, then Electron's headers server.
// Whatever it builds is checked (native-abi.mjs) before it is cached: a module for the wrong ABI is refused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNativeAbi, electronTarget } from './native-abi.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { version, abi } = electronTarget();
const label = `Electron ${version}（ABI ${abi}）`;
const outDir = path.join(root, '.cache', `electron-abi-${abi}`);
const target = path.join(outDir, 'better_sqlite3.node');

if (fs.existsSync(target)) {
  const cached = checkNativeAbi(target, abi, `Electron ${version}`);
  if (cached.ok) process.exit(0);
  console.log(`缓存的模块不能用：${cached.message}已删除，重新准备。`);
  fs.rmSync(target);
}

/** An unpacked headers folder (one holding include/node/node_version.h), unpacking a .tar.gz first. */
function headersDir(given) {
  let dir = path.resolve(given);
  if (!fs.existsSync(dir)) fail(`KAOPING_ELECTRON_HEADERS 指向的 ${dir} 不存在。`);
  if (/\.(tar\.gz|tgz)$/i.test(dir)) {
    const into = path.join(root, '.cache', `electron-headers-${version}`);
    fs.rmSync(into, { recursive: true, force: true });
    fs.mkdirSync(into, { recursive: true });
    if (spawnSync('tar', ['-xzf', dir, '-C', into], { stdio: 'inherit' }).status !== 0) fail(`无法解压 ${dir}。`);
    dir = into;
  }
  for (const d of [dir, path.join(dir, 'node_headers')]) {
    if (fs.existsSync(path.join(d, 'include', 'node', 'node_version.h'))) return d;
  }
  fail(
    `${dir} 里没有 include/node/node_version.h：请给出 Electron ${version} 的头文件（node-v${version}-headers.tar.gz）。`,
  );
}

function fail(message) {
  console.error(`无法为${label}准备 better-sqlite3：${message}\n见 build/PACKAGING.md。`);
  process.exit(1);
}

const work = path.join(root, '.cache', 'better-sqlite3-electron');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), work, { recursive: true });
fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
// npm hands its settings to child processes as npm_config_*; Debian's `nodedir=/usr` would make node-gyp build
// against the system Node's headers whatever target it is given
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)),
);
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: work, stdio: 'inherit', env, shell: process.platform === 'win32' }).status === 0;

console.log(`正在为${label}准备 better-sqlite3 ……`);
const given = process.env.KAOPING_ELECTRON_HEADERS || process.argv.find((a) => a.startsWith('--headers='))?.slice(10);
const ok = given
  ? run(bin('node-gyp'), ['rebuild', '--release', `--nodedir=${headersDir(given)}`])
  : run(bin('prebuild-install'), ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`]) ||
    run(bin('node-gyp'), [
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!ok || !fs.existsSync(built)) {
  fail(
    given
      ? '编译失败（见上面的输出）。'
      : '需要联网下载预编译文件或 Electron 头文件；离线时用 KAOPING_ELECTRON_HEADERS 指向已下载的头文件。',
  );
}
const checked = checkNativeAbi(built, abi, `Electron ${version}`);
if (!checked.ok) fail(`${checked.message}没有缓存。`);
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`已生成 ${path.relative(root, target)}（已核对：ABI ${abi}）`);
