import fs from 'node:fs';
import path from 'node:path';

export const DATA_DIR_ENV = 'KAOPING_DATA_DIR';

/**
 * Where this run keeps its data: `--data-dir PATH` (or `--data-dir=PATH`), else the
 * KAOPING_DATA_DIR environment variable, else the platform's default (the user-data folder).
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (a.startsWith('--data-dir=')) return path.resolve(a.slice('--data-dir='.length));
  }
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return path.resolve(fromEnv);
  return fallback;
}

/** Walks up from a module's folder to the folder that holds db/migrations (source, bundle or asar). */
export function locateAppRoot(startDir: string): string {
  let dir = startDir;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'db', 'migrations', 'meta', '_journal.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`db/migrations not found above ${startDir}`);
    dir = up;
  }
}

export function readAppVersion(root: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export const APP_FOLDER = 'Kaoping';

/** The same folder Electron's userData resolves to for this app, so every transport finds one database. */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

/** The data folder a portable copy keeps beside the program. */
export const PORTABLE_DATA_FOLDER = '考评数据';
/** A file of either name beside the program (or the AppImage) makes an unpacked copy portable. */
export const PORTABLE_MARKERS = ['portable', 'portable.txt'] as const;

/**
 * Where a portable copy keeps its data, or null for an installed one. electron-builder's Windows portable .exe
 * unpacks itself to a temporary folder and names its own folder in PORTABLE_EXECUTABLE_DIR; an unpacked copy
 * (a folder on a USB stick, an AppImage) is portable when a marker file lies beside it.
 */
export function portableDataDir(
  execPath: string,
  env: NodeJS.ProcessEnv,
  exists: (file: string) => boolean = fs.existsSync,
): string | null {
  if (env.PORTABLE_EXECUTABLE_DIR) return path.join(env.PORTABLE_EXECUTABLE_DIR, PORTABLE_DATA_FOLDER);
  const dir = path.dirname(env.APPIMAGE || execPath);
  return PORTABLE_MARKERS.some((m) => exists(path.join(dir, m))) ? path.join(dir, PORTABLE_DATA_FOLDER) : null;
}

/** The installed program's data folder: `--data-dir`, KAOPING_DATA_DIR, a portable copy's, else `userDataDir`. */
export function installedDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  execPath: string,
  userDataDir: string,
): string {
  return resolveDataDir(argv, env, portableDataDir(execPath, env) ?? userDataDir);
}

/** What a demonstration folder's name ends with: it lies beside the real one and is never the real one. */
export const DEMO_SUFFIX = '-演示数据';
export const DEMO_FLAG = '--demo';

/** Whether this run asks for the demonstration data (`--demo`). */
export const demoRequested = (argv: readonly string[]): boolean => argv.includes(DEMO_FLAG);

/** The folder this run uses: the resolved data folder, or for a demonstration its sibling `<folder>-演示数据`. */
export function runDataDir(dataDir: string, demo: boolean): string {
  if (!demo) return dataDir;
  const resolved = path.resolve(dataDir);
  return resolved.endsWith(DEMO_SUFFIX) ? resolved : resolved + DEMO_SUFFIX;
}
