import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { repoRoot } from './tmp';

/** Every part of a .docx as text, by its name in the zip. */
export async function docxParts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (e, z) => (e || !z ? reject(e) : resolve(z))));
  const parts = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (e, s) => {
        if (e || !s) return reject(e);
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => {
          parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      }),
    );
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return parts;
}

const FONTS_CONF = path.join(repoRoot, 'tests', 'fixtures', 'fonts', 'fonts.conf');

/** Renders a .docx to PDF with LibreOffice headless, the official fonts mapped to Noto CJK. */
export function renderPdf(docx: string, outDir: string): string {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(outDir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', outDir, docx], {
    env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = path.join(outDir, path.basename(docx).replace(/\.docx$/, '.pdf'));
  if (!fs.existsSync(pdf)) throw new Error('LibreOffice produced no PDF');
  return pdf;
}

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Words with their boxes (points, origin top left), read by pdftotext -bbox. */
export function pdfWords(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pages: { width: number; height: number }[] = [];
  const words: Word[] = [];
  for (const chunk of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
    pages.push({ width: Number(size[1]), height: Number(size[2]) });
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! });
    }
  }
  return { pages, words };
}

/** A page as RGB pixels at 72 dpi (one pixel a point), read from pdftoppm's PPM. */
export function pagePixels(pdf: string, page: number, outDir: string): { width: number; height: number; rgb: Buffer } {
  const base = path.join(outDir, `px-${page}`);
  execFileSync('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  const ppm = fs.readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** Saves the first page as PNG for a person to look at. */
export function savePng(pdf: string, page: number, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, file.replace(/\.png$/, '')]);
}
