/**
 * Finding a word processor that can print a .docx: Word or WPS on Windows (their App Paths registry keys, read with
 * `reg query`), WPS or LibreOffice on Linux (the PATH). Parsing is separate from running so it is tested on samples.
 */
import path from 'node:path';

export interface PrintTools {
  /** WINWORD.EXE */
  word?: string;
  /** wps.exe on Windows, `wps` on Linux */
  wps?: string;
  /** `libreoffice` or `soffice` (Linux) */
  office?: string;
}

/** The registry keys a Windows installer of Word/WPS writes, machine-wide first, then per user. */
export const APP_PATH_KEYS = {
  word: [
    'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\WINWORD.EXE',
    'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\WINWORD.EXE',
  ],
  wps: [
    'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\wps.exe',
    'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\wps.exe',
  ],
} as const;

/**
 * The default value of an App Paths key from `reg query <key> /ve` output, e.g.
 * `    (Default)    REG_SZ    C:\Program Files\...\WINWORD.EXE` (`(默认)` on Chinese Windows). REG_EXPAND_SZ values
 * have %VAR% expanded from env; quotes around the path are dropped. Null when the output holds no .exe path.
 */
export function parseAppPathsQuery(stdout: string, env: Record<string, string | undefined> = {}): string | null {
  for (const line of stdout.split(/\r?\n/)) {
    const m = /\s(REG_SZ|REG_EXPAND_SZ)\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2]!.trim().replace(/^"(.*)"$/, '$1');
    if (m[1] === 'REG_EXPAND_SZ')
      value = value.replace(/%([^%]+)%/g, (all, name: string) => {
        const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
        return key ? (env[key] ?? all) : all;
      });
    if (/\.exe$/i.test(value)) return value;
  }
  return null;
}

/** The first of names found as a file in a PATH-like list (Linux: ':' separated). */
export function findOnPath(
  pathEnv: string | undefined,
  names: readonly string[],
  isFile: (file: string) => boolean,
  delimiter = ':',
): string | null {
  const dirs = (pathEnv ?? '').split(delimiter).filter((d) => d && path.isAbsolute(d));
  for (const name of names)
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (isFile(file)) return file;
    }
  return null;
}

export interface DetectEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Runs a program and gives its stdout, or null when it failed (a missing key makes `reg query` fail). */
  run(command: string, args: string[]): Promise<string | null>;
  isFile(file: string): boolean;
}

export async function detectTools(d: DetectEnv): Promise<PrintTools> {
  if (d.platform === 'win32') {
    const first = async (keys: readonly string[]) => {
      for (const key of keys) {
        const out = await d.run('reg', ['query', key, '/ve']);
        const found = out === null ? null : parseAppPathsQuery(out, d.env);
        if (found && d.isFile(found)) return found;
      }
      return undefined;
    };
    return { word: await first(APP_PATH_KEYS.word), wps: await first(APP_PATH_KEYS.wps) };
  }
  if (d.platform === 'linux')
    return {
      wps: findOnPath(d.env.PATH, ['wps'], d.isFile) ?? undefined,
      office: findOnPath(d.env.PATH, ['libreoffice', 'soffice'], d.isFile) ?? undefined,
    };
  return {};
}
