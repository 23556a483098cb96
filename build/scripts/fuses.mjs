// Reads the fuses burnt into a packaged Electron binary (with @electron/fuses' reader) and compares them with
// build/electron-builder.yml's electronFuses. Used by tests/e2e/electron/run-fuses.mjs and its unit test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The yml's option names, as @electron/fuses names the wire's positions. */
const OPTION = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};
const STATE = { 48: false, 49: true };

/** What each fuse in `binary` is: true, false, or 'removed'/'missing'. */
export async function readFuses(binary) {
  const wire = await getCurrentFuseWire(binary);
  return Object.fromEntries(
    Object.entries(OPTION).map(([name, i]) => [name, i in wire ? (STATE[wire[i]] ?? 'removed') : 'missing']),
  );
}

/** The lines that differ from `expected` (the yml's electronFuses), in Chinese; empty when all match. */
export function fuseMismatches(actual, expected) {
  return Object.entries(expected)
    .filter(([name, want]) => actual[name] !== want)
    .map(([name, want]) => `${name}：应为 ${want ? '开启' : '关闭'}，实际为 ${actual[name]}`);
}

/** The packaged executables under release/ (or the one KAOPING_PACKAGED_APP names). */
export function packagedBinaries(env = process.env) {
  if (env.KAOPING_PACKAGED_APP) return [path.resolve(env.KAOPING_PACKAGED_APP)];
  const release = path.join(root, 'release');
  if (!fs.existsSync(release)) return [];
  const found = [];
  for (const d of fs.readdirSync(release)) {
    if (d.endsWith('.app')) found.push(path.join(release, d));
    for (const exe of ['kaoping', 'kaoping.exe', 'Kaoping.app']) {
      const p = path.join(release, d, exe);
      if (fs.existsSync(p)) found.push(p);
    }
  }
  return found;
}

/** electron-builder.yml's electronFuses. */
export async function expectedFuses() {
  const { load } = await import('js-yaml');
  return load(fs.readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')).electronFuses;
}
