// `npm run dist [-- electron-builder options]`: packages with build/electron-builder.yml, with npm's nodedir kept
// away from the native rebuild, and offline when told where things are:
//   KAOPING_ELECTRON_DIST     the unpacked Electron release for the target (electronDist)
//   KAOPING_ELECTRON_HEADERS  Electron's headers (folder or node-v<version>-headers.tar.gz), for better-sqlite3
//   KAOPING_ELECTRON_NODE_LIB Windows only: Electron's node.lib for the target architecture
// The afterPack hook (after-pack.cjs) refuses a package whose better-sqlite3 is not built for Electron's ABI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersDir, installForElectronRebuild, withoutNpmBuildSettings } from './electron-headers.mjs';
import { electronTarget } from './native-abi.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { version } = electronTarget();
const args = ['--config', 'build/electron-builder.yml', ...process.argv.slice(2)];
try {
  if (process.env.KAOPING_ELECTRON_DIST)
    args.push(`-c.electronDist=${path.resolve(process.env.KAOPING_ELECTRON_DIST)}`);
  if (process.env.KAOPING_ELECTRON_HEADERS) {
    const dir = headersDir(process.env.KAOPING_ELECTRON_HEADERS, version);
    const into = installForElectronRebuild(dir, version, { nodeLib: process.env.KAOPING_ELECTRON_NODE_LIB });
    console.log(`已把 Electron ${version} 的头文件放到 ${into[0]}，供 better-sqlite3 离线重新编译。`);
  }
} catch (e) {
  console.error(`无法打包：${e.message}`);
  process.exit(1);
}
const bin = path.join(root, 'node_modules', '.bin', 'electron-builder');
const r = spawnSync(bin, args, {
  cwd: root,
  stdio: 'inherit',
  env: withoutNpmBuildSettings(process.env),
  shell: process.platform === 'win32',
});
process.exit(r.status ?? 1);
