// Builds better-sqlite3 for Electron's ABI into .cache/electron-abi-<abi>/ for `npm start`,
// leaving node_modules built for Node so that `npm test` keeps working. Electron main loads it
// through better-sqlite3's nativeBinding option. Needs the network once (prebuilt binary or
// Electron headers); packaged builds are rebuilt by electron-builder instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronPkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'));
const abi = fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8').trim();
const outDir = path.join(root, '.cache', `electron-abi-${abi}`);
const target = path.join(outDir, 'better_sqlite3.node');

if (fs.existsSync(target)) process.exit(0);

const work = path.join(root, '.cache', 'better-sqlite3-electron');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), work, { recursive: true });
fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: work, stdio: 'inherit' }).status === 0;

console.log(`正在为 Electron ${electronPkg.version}（ABI ${abi}）准备 better-sqlite3 ……`);
const ok =
  run(bin('prebuild-install'), ['--runtime=electron', `--target=${electronPkg.version}`, `--arch=${process.arch}`]) ||
  run(bin('node-gyp'), [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronPkg.version}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!ok || !fs.existsSync(built)) {
  console.error(
    '无法为 Electron 准备 better-sqlite3：需要联网下载预编译文件或 Electron 头文件。见 README“桌面程序与原生模块”。',
  );
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`已生成 ${path.relative(root, target)}`);
