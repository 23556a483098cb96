// Which Node ABI a native module was built for, read from its bytes: a module built with NODE_MODULE exports
// `node_register_module_v<ABI>` (115 for Node 20, Electron's own number for Electron), so a module built against
// the wrong headers is found before anything loads it. Used by electron-native.mjs, the packaging hook and
// `node build/scripts/native-abi.mjs <file.node> [ABI]` by hand.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SYMBOL = 'node_register_module_v';

/** The ABI numbers a module's bytes name (usually one); empty for a file that is no such module. */
export function exportedAbis(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = new Set();
  for (const m of text.matchAll(/node_register_module_v(\d+)/g)) found.add(Number(m[1]));
  return [...found].sort((a, b) => a - b);
}

/**
 * Whether the module at `file` was built for ABI `expected`.
 * @returns {{ ok: true, abi: number } | { ok: false, abi: number | null, message: string }}
 */
export function checkNativeAbi(file, expected, label = `ABI ${expected}`) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return { ok: false, abi: null, message: `找不到原生模块 ${file}。` };
  }
  const abis = exportedAbis(bytes);
  const want = Number(expected);
  if (abis.length === 1 && abis[0] === want) return { ok: true, abi: want };
  if (abis.length === 0) {
    return {
      ok: false,
      abi: null,
      message: `${file} 不是按 Node 模块接口编译的原生模块（找不到 ${SYMBOL}…），不能用于 ${label}。`,
    };
  }
  const got = abis.join('、');
  const hint =
    abis.includes(Number(process.versions.modules)) && want !== Number(process.versions.modules)
      ? `它是按本机 Node ${process.versions.node} 的头文件编译的（给出的不是 Electron 的头文件，或 npm 的 nodedir 设置盖过了 Electron 的目标版本）。`
      : '';
  return {
    ok: false,
    abi: abis[0] ?? null,
    message: `${file} 是为 ABI ${got} 编译的，不是 ${label} 所需的 ABI ${want}，不能使用。${hint}`,
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The installed Electron's version and ABI, from the electron package (no binary needed). */
export function electronTarget() {
  const dir = path.join(root, 'node_modules', 'electron');
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const abi = Number(fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim());
  return { version, abi };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, expected] = process.argv.slice(2);
  if (!file) {
    console.error('用法：node build/scripts/native-abi.mjs <模块.node> [ABI，默认为所装 Electron 的 ABI]');
    process.exit(2);
  }
  const target = electronTarget();
  const want = expected ? Number(expected) : target.abi;
  const r = checkNativeAbi(file, want, expected ? `ABI ${want}` : `Electron ${target.version}`);
  if (r.ok) console.log(`${file}：ABI ${r.abi}，符合。`);
  else console.error(r.message);
  process.exit(r.ok ? 0 : 1);
}
