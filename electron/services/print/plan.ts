/**
 * How a list of .docx files is printed on this machine, in order: the decision only (no processes), so every
 * platform's answer is tested in plain Node. The desktop host runs the steps (run.ts) or, for 'pdf', prints the
 * preview through Chromium's print dialog.
 */
import { type PrintTools } from './detect';

export type PrintVia = 'word' | 'wps' | 'libreoffice' | 'pdf';

export interface PrintStep {
  command: string;
  args: string[];
  /** Started and left running (a window the clerk prints from), not waited for. */
  detached?: true;
}

export interface PrintPlan {
  via: PrintVia;
  /** One step per file, in the order given; empty for 'pdf'. */
  steps: PrintStep[];
  /** What the clerk is told once the steps ran. */
  message: string;
}

/** A PowerShell single-quoted string: nothing inside is interpreted, a quote is doubled. */
export const psQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function printPlan(files: readonly string[], env: { platform: NodeJS.Platform; tools: PrintTools }): PrintPlan {
  const { platform, tools } = env;
  const n = files.length;
  if (platform === 'win32' && tools.word)
    return {
      via: 'word',
      // the Print verb of .docx is Word's when Word is installed; -Wait keeps the files in order
      steps: files.map((f) => ({
        command: 'powershell.exe',
        args: ['-NoProfile', '-NonInteractive', '-Command', `Start-Process -FilePath ${psQuote(f)} -Verb Print -Wait`],
      })),
      message: `已交给 Word 按顺序打印 ${n} 份，请到打印机取件。`,
    };
  if (platform === 'win32' && tools.wps)
    return {
      via: 'wps',
      steps: files.map((f) => ({ command: tools.wps!, args: ['/p', f] })),
      message: `已交给 WPS 按顺序打印 ${n} 份，请到打印机取件。`,
    };
  if (platform === 'linux' && tools.office)
    return {
      via: 'libreoffice',
      // -p prints to the default printer without a window; one call per file keeps the order
      steps: files.map((f) => ({ command: tools.office!, args: ['--headless', '-p', f] })),
      message: `已交给 LibreOffice 按顺序打印 ${n} 份到默认打印机，请到打印机取件。`,
    };
  if (platform === 'linux' && tools.wps)
    return {
      via: 'wps',
      // WPS for Linux has no documented print switch: it opens the files, the clerk prints them (Ctrl+P)
      steps: files.map((f) => ({ command: tools.wps!, args: [f], detached: true as const })),
      message: `已在 WPS 中按顺序打开 ${n} 份，请逐份按 Ctrl+P 打印。`,
    };
  return {
    via: 'pdf',
    steps: [],
    message: '本机未找到 Word 或 WPS，将按预览交给系统打印（可选打印机或另存为 PDF），版式与 Word/WPS 略有出入。',
  };
}
