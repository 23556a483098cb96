// Finds the Electron binary the way the electron package does, without triggering its download.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @returns {{ path: string } | { missing: string }} */
export function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(pkg)) return { missing: 'node_modules/electron 不存在（请先 npm install）' };
  const pathFile = path.join(pkg, 'path.txt');
  const name = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const p = path.join(override, name ?? 'electron');
    return fs.existsSync(p) ? { path: p } : { missing: `ELECTRON_OVERRIDE_DIST_PATH 指向的 ${p} 不存在` };
  }
  if (!name) return { missing: 'Electron 可执行文件尚未下载（electron 包首次运行时才下载，本机无法访问下载源）' };
  const p = path.join(pkg, 'dist', name);
  return fs.existsSync(p) ? { path: p } : { missing: `${p} 不存在` };
}
