// Builds better-sqlite3 for Electron's ABI into .cache/electron-abi-<abi>/ for `npm start`, leaving node_modules
// built for Node so that `npm test` keeps working. Electron main loads it through better-sqlite3's nativeBinding
// option. Offline: KAOPING_ELECTRON_HEADERS (or --headers) names Electron's headers, the unpacked folder or the
// node-v<version>-headers.tar.gz itself; online it tries a prebuilt binary, then Electron's headers server.
// Whatever it builds is checked (native-abi.mjs) before it is cached: a module for the wrong ABI is refused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersDir, withoutNpmBuildSettings } from './electron-headers.mjs';
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

function fail(message) {
  console.error(`无法为${label}准备 better-sqlite3：${message}\n见 build/PACKAGING.md。`);
  process.exit(1);
}

const work = path.join(root, '.cache', 'better-sqlite3-electron');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), work, { recursive: true });
fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const env = withoutNpmBuildSettings(process.env);
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: work, stdio: 'inherit', env, shell: process.platform === 'win32' }).status === 0;

console.log(`正在为${label}准备 better-sqlite3 ……`);
const given = process.env.KAOPING_ELECTRON_HEADERS || process.argv.find((a) => a.startsWith('--headers='))?.slice(10);
let nodedir;
try {
  nodedir = given ? headersDir(given, version) : undefined;
} catch (e) {
  fail(e.message);
}
const ok = nodedir
  ? run(bin('node-gyp'), ['rebuild', '--release', `--nodedir=${nodedir}`])
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
