// `npm run test:electron`: runs the Electron smoke spec where an Electron binary exists, and says
// plainly, in a banner nobody can miss, why it did not run where none does.
import { spawnSync } from 'node:child_process';
import { electronBinary } from '../../../build/scripts/electron-binary.mjs';

const found = electronBinary();
if ('missing' in found) {
  const line = '!'.repeat(78);
  console.log(`\n${line}\n!! Electron 冒烟测试没有运行：${found.missing}。`);
  console.log('!! The Electron smoke test did NOT run: no Electron binary on this machine.');
  console.log('!! 在能下载 Electron 的机器上 npm install 后运行 npm run test:electron，');
  console.log('!! 或设置 ELECTRON_OVERRIDE_DIST_PATH 指向已解压的 Electron 目录。');
  console.log(`${line}\n`);
  process.exit(0);
}
const r = spawnSync('npx', ['playwright', 'test', '--project=electron'], {
  stdio: 'inherit',
  env: { ...process.env, KAOPING_ELECTRON: found.path },
});
process.exit(r.status ?? 1);
