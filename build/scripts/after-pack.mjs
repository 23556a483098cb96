// electron-builder's afterPack hook: before a package is made, the better-sqlite3 it carries must be built for this
// Electron's ABI (read from the module's bytes). A module built against the system Node's headers would install
// fine and fail on the office's PC at the first start; here it stops the packaging with the reason instead.
import fs from 'node:fs';
import path from 'node:path';
import { checkNativeAbi, electronTarget } from './native-abi.mjs';

function findModules(dir, name, found = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findModules(p, name, found);
    else if (e.name === name) found.push(p);
  }
  return found;
}

/** Throws (stopping electron-builder) unless every better_sqlite3.node under appOutDir is for Electron's ABI. */
export async function afterPack(context) {
  const { version, abi } = electronTarget();
  const modules = findModules(context.appOutDir, 'better_sqlite3.node');
  if (modules.length === 0) throw new Error(`打包结果 ${context.appOutDir} 里没有 better_sqlite3.node。`);
  for (const file of modules) {
    const r = checkNativeAbi(file, abi, `Electron ${version}`);
    if (!r.ok) throw new Error(`${r.message}打包已停止，见 build/PACKAGING.md。`);
    console.log(`  • better-sqlite3 已核对：ABI ${abi}（${path.relative(context.appOutDir, file)}）`);
  }
}

export default afterPack;
