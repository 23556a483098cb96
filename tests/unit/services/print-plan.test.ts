import { describe, expect, it } from 'vitest';
import { APP_PATH_KEYS, detectTools, findOnPath, parseAppPathsQuery } from '../../../electron/services/print/detect';
import { printPlan } from '../../../electron/services/print/plan';

/** Finding Word/WPS and deciding how a pile of files is printed, per platform, without running anything. */
const WORD = 'C:\\Program Files\\Microsoft Office\\Root\\Office16\\WINWORD.EXE';
const KEY = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths';
const WPS = 'C:\\Users\\clerk\\AppData\\Local\\Kingsoft\\WPS Office\\ksolaunch.exe';

describe('reading the App Paths key from `reg query` output', () => {
  it('finds the default value, in English or Chinese Windows, with CRLF and quotes', () => {
    const en = `\r\nHKEY_LOCAL_MACHINE\\${KEY}\\WINWORD.EXE\r\n    (Default)    REG_SZ    ${WORD}\r\n\r\n`;
    expect(parseAppPathsQuery(en)).toBe(WORD);
    const zh = `\nHKEY_CURRENT_USER\\${KEY}\\wps.exe\n    (默认)    REG_SZ    "${WPS}"\n`;
    expect(parseAppPathsQuery(zh)).toBe(WPS);
  });

  it('expands REG_EXPAND_SZ variables, whatever their case', () => {
    const out = '    (Default)    REG_EXPAND_SZ    %LocalAppData%\\Kingsoft\\WPS Office\\wps.exe\n';
    expect(parseAppPathsQuery(out, { LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local' })).toBe(
      'C:\\Users\\clerk\\AppData\\Local\\Kingsoft\\WPS Office\\wps.exe',
    );
  });

  it('a key with only a Path value, or an error text, finds nothing', () => {
    expect(parseAppPathsQuery('    Path    REG_SZ    C:\\Program Files\\Office16\\\n')).toBeNull();
    expect(parseAppPathsQuery('错误: 系统找不到指定的注册表项或值。\n')).toBeNull();
    expect(parseAppPathsQuery('')).toBeNull();
  });
});

describe('finding a program on PATH (Linux)', () => {
  const files = new Set(['/usr/bin/soffice', '/opt/kingsoft/wps-office/office6/wps', '/usr/local/bin/libreoffice']);
  it('takes names in order of preference, then directories in PATH order; relative entries are ignored', () => {
    const isFile = (f: string) => files.has(f);
    expect(findOnPath('/usr/bin:/usr/local/bin', ['libreoffice', 'soffice'], isFile)).toBe(
      '/usr/local/bin/libreoffice',
    );
    expect(findOnPath('bin:/usr/bin', ['wps'], isFile)).toBeNull();
    expect(findOnPath(undefined, ['soffice'], isFile)).toBeNull();
  });
});

describe('detecting the tools', () => {
  it('Windows asks the registry, machine-wide first, and keeps only paths that exist', async () => {
    const asked: string[] = [];
    const tools = await detectTools({
      platform: 'win32',
      env: {},
      isFile: (f) => f === WPS,
      run: async (_cmd, args) => {
        asked.push(args[1]!);
        if (args[1] === APP_PATH_KEYS.word[0]) return `    (Default)    REG_SZ    C:\\gone\\WINWORD.EXE\n`;
        if (args[1] === APP_PATH_KEYS.wps[1]) return `    (Default)    REG_SZ    ${WPS}\n`;
        return null;
      },
    });
    expect(tools).toEqual({ word: undefined, wps: WPS });
    expect(asked).toEqual([...APP_PATH_KEYS.word, ...APP_PATH_KEYS.wps]);
  });

  it('Linux looks on PATH and never runs anything', async () => {
    const tools = await detectTools({
      platform: 'linux',
      env: { PATH: '/usr/bin' },
      isFile: (f) => f === '/usr/bin/soffice',
      run: async () => {
        throw new Error('ran');
      },
    });
    expect(tools).toEqual({ wps: undefined, office: '/usr/bin/soffice' });
  });
});

describe('the print plan', () => {
  const files = ['C:\\data\\打印清单.docx', "C:\\data\\O'Brien 责任书.docx"];

  it('Windows with Word: the Print verb through PowerShell, one file after another, quotes doubled', () => {
    const p = printPlan(files, { platform: 'win32', tools: { word: WORD, wps: WPS } });
    expect(p.via).toBe('word');
    expect(p.steps.map((s) => s.args.at(-1))).toEqual([
      "Start-Process -FilePath 'C:\\data\\打印清单.docx' -Verb Print -Wait",
      "Start-Process -FilePath 'C:\\data\\O''Brien 责任书.docx' -Verb Print -Wait",
    ]);
    expect(p.steps.every((s) => s.command === 'powershell.exe')).toBe(true);
    expect(p.message).toContain('Word 按顺序打印 2 份');
  });

  it('Windows with WPS only: wps /p per file', () => {
    const p = printPlan(files, { platform: 'win32', tools: { wps: WPS } });
    expect(p.via).toBe('wps');
    expect(p.steps).toEqual(files.map((f) => ({ command: WPS, args: ['/p', f] })));
  });

  it('Linux prefers LibreOffice -p (prints unattended); WPS alone opens the files for the clerk to print', () => {
    const lo = printPlan(['/d/a.docx', '/d/b.docx'], {
      platform: 'linux',
      tools: { office: '/usr/bin/soffice', wps: '/usr/bin/wps' },
    });
    expect(lo.via).toBe('libreoffice');
    expect(lo.steps.map((s) => s.args)).toEqual([
      ['--headless', '-p', '/d/a.docx'],
      ['--headless', '-p', '/d/b.docx'],
    ]);
    const wps = printPlan(['/d/a.docx'], { platform: 'linux', tools: { wps: '/usr/bin/wps' } });
    expect(wps).toMatchObject({
      via: 'wps',
      steps: [{ command: '/usr/bin/wps', args: ['/d/a.docx'], detached: true }],
    });
    expect(wps.message).toContain('Ctrl+P');
  });

  it('no word processor (any platform, or a Mac): the PDF of the preview', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const p = printPlan(files, { platform, tools: {} });
      expect(p).toMatchObject({ via: 'pdf', steps: [] });
      expect(p.message).toContain('未找到 Word 或 WPS');
    }
    expect(printPlan(files, { platform: 'darwin', tools: { word: WORD } }).via).toBe('pdf');
  });
});
