import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { FONTS } from '../../electron/services/documents/gbt9704-numbers';
import { repoRoot } from './tmp';

/** Every entry of a zip, as bytes, in the zip's order. */
async function zipEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (e, z) => (e || !z ? reject(e) : resolve(z))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (e, s) => {
        if (e || !s) return reject(e);
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      }),
    );
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** Every part of a .docx as text, by its name in the zip. */
export async function docxParts(bytes: Buffer): Promise<Map<string, string>> {
  return new Map([...(await zipEntries(bytes))].map(([name, b]) => [name, b.toString('utf8')]));
}

/**
 * LibreOffice's DOCX filter reads w:overflowPunct upside down (checked in 7.4: `<w:overflowPunct w:val="false"/>`,
 * which tells Word and WPS not to hang punctuation, turns LibreOffice's hanging punctuation on, and "true" turns it
 * off; its DOCX export writes the value the right way round). So that LibreOffice lays a file out as Word reads it,
 * it is handed a copy with that one value inverted. render-env.test.ts fails once a LibreOffice reads it as written.
 */
export async function asWordReadsIt(bytes: Buffer): Promise<Buffer> {
  const out = new yazl.ZipFile();
  const flip = (xml: string) =>
    xml.replace(/<w:overflowPunct(?:\s+w:val="([^"]*)")?\s*\/>/g, (_, v: string | undefined) => {
      const on = v === undefined || ['1', 'true', 'on'].includes(v);
      return `<w:overflowPunct w:val="${on ? 'false' : 'true'}"/>`;
    });
  for (const [name, data] of await zipEntries(bytes)) {
    out.addBuffer(/^word\/.*\.xml$/.test(name) ? Buffer.from(flip(data.toString('utf8')), 'utf8') : data, name);
  }
  out.end();
  const chunks: Buffer[] = [];
  for await (const c of out.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export const FONTS_CONF = path.join(repoRoot, 'tests', 'fixtures', 'fonts', 'fonts.conf');
/** The files of Debian's fonts-noto-cjk, the only fonts fonts.conf lets LibreOffice see. */
export const NOTO_CJK = [
  'NotoSerifCJK-Regular.ttc',
  'NotoSerifCJK-Bold.ttc',
  'NotoSansCJK-Regular.ttc',
  'NotoSansCJK-Bold.ttc',
].map((f) => path.join('/usr/share/fonts/opentype/noto', f));
const fcEnv = { ...process.env, FONTCONFIG_FILE: FONTS_CONF };

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(cmd, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).trim();
}

export interface RenderEnvironment {
  soffice: string;
  /** Each family the documents name, and the font fontconfig gives LibreOffice for it. */
  fonts: { family: string; file: string; face: string; version: string }[];
  /** The Debian packages, when dpkg knows them. */
  packages: string;
}

let checked: RenderEnvironment | undefined;

/**
 * What the rendering tests run with, or an error saying what is missing. The tests need exactly what CI installs
 * (libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk): they fail rather than skip without it.
 */
export function renderEnvironment(): RenderEnvironment {
  if (checked) return checked;
  const missing: string[] = [];
  const tool = (cmd: string, args: string[], pkg: string) => {
    try {
      return run(cmd, args);
    } catch (e) {
      missing.push(
        `${cmd} (${pkg}): ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not installed' : (e as Error).message}`,
      );
      return '';
    }
  };
  const soffice = tool('soffice', ['--version'], 'libreoffice-writer-nogui');
  tool('pdftotext', ['-v'], 'poppler-utils');
  tool('pdftoppm', ['-v'], 'poppler-utils');
  tool('fc-match', ['--version'], 'fontconfig');
  for (const f of NOTO_CJK) if (!fs.existsSync(f)) missing.push(`${f} (fonts-noto-cjk): not installed`);
  const fonts: RenderEnvironment['fonts'] = [];
  if (missing.length === 0) {
    for (const family of [...new Set(Object.values(FONTS))]) {
      const [file = '', face = '', version = ''] = run(
        'fc-match',
        ['-f', '%{file}:%{index}\t%{fullname[0]}\t%{fontversion}', family],
        fcEnv,
      ).split('\t');
      if (!NOTO_CJK.includes(file.replace(/:\d+$/, '')))
        missing.push(`${family}: fonts.conf maps it to ${file || 'nothing'}, not to Noto CJK`);
      fonts.push({ family, file, face, version: (Number(version) / 65536).toFixed(3) });
    }
  }
  if (missing.length) {
    throw new Error(
      `The document rendering tests cannot run here (CI installs them with apt-get install ` +
        `libreoffice-writer-nogui poppler-utils fonts-noto-cjk):\n  ${missing.join('\n  ')}`,
    );
  }
  let packages: string;
  try {
    packages = run('dpkg-query', [
      '-W',
      '-f',
      '${Package} ${Version}\n',
      'libreoffice-writer-nogui',
      'libreoffice-core-nogui',
      'libreoffice-core',
      'fonts-noto-cjk',
      'poppler-utils',
      'fontconfig',
    ]);
  } catch (e) {
    // dpkg-query exits non-zero when one of the names is not installed; what it printed is still right
    packages = String((e as { stdout?: string }).stdout ?? '').trim();
  }
  checked = {
    soffice,
    fonts,
    packages: packages
      .split('\n')
      .filter((l) => /\S+ \S+/.test(l))
      .join('\n'),
  };
  return checked;
}

/**
 * Renders .docx files to PDF with LibreOffice headless (one start for all), the official fonts mapped to Noto CJK,
 * each file as Word reads it (see asWordReadsIt) unless `raw`. Returns the PDFs, in order, in `outDir`.
 */
export async function renderPdfs(docxFiles: string[], outDir: string, o: { raw?: boolean } = {}): Promise<string[]> {
  renderEnvironment();
  const inDir = path.join(outDir, o.raw ? 'lo-raw' : 'lo-in');
  fs.mkdirSync(inDir, { recursive: true });
  const inputs = await Promise.all(
    docxFiles.map(async (f) => {
      const copy = path.join(inDir, path.basename(f));
      fs.writeFileSync(copy, o.raw ? fs.readFileSync(f) : await asWordReadsIt(fs.readFileSync(f)));
      return copy;
    }),
  );
  const pdfs = docxFiles.map((f) => path.join(outDir, path.basename(f).replace(/\.docx$/, '.pdf')));
  for (const p of pdfs) fs.rmSync(p, { force: true });
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${path.join(outDir, 'lo-profile')}`,
      '--convert-to',
      // the blank pages that odd- and even-page section breaks insert are printed pages too (LibreOffice ≥ 7.4 reads
      // filter options as JSON; without this one it leaves them out of the PDF)
      'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}',
      '--outdir',
      outDir,
      ...inputs,
    ],
    {
      env: fcEnv,
      stdio: 'ignore',
      timeout: 180_000,
    },
  );
  for (const p of pdfs) if (!fs.existsSync(p)) throw new Error(`LibreOffice produced no ${path.basename(p)}`);
  return pdfs;
}

export async function renderPdf(docx: string, outDir: string, o: { raw?: boolean } = {}): Promise<string> {
  return (await renderPdfs([docx], outDir, o))[0]!;
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
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: { width: number; height: number }[] = [];
  const words: Word[] = [];
  for (const chunk of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
    pages.push({ width: Number(size[1]), height: Number(size[2]) });
    for (const m of chunk.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({
        page: pages.length,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5]!,
      });
    }
  }
  return { pages, words };
}

/**
 * The type area across the page: the binding margin is 28 mm (79.4 pt), the area 156 mm (442.2 pt) wide; 0.9 pt for
 * rounding.
 */
export const TYPE_AREA_X = { from: 78.5, to: 523 } as const;
/** Where the footer starts: the page number's top is about 757 pt, the type area ends at 742.7 pt. */
export const FOOTER_TOP = 750;

/**
 * The words of each page's text (everything above the footer) that reach outside the type area's width, with their
 * page: nothing may, punctuation included.
 */
export function outsideTypeArea(layout: { pages: unknown[]; words: Word[] }): string[] {
  return layout.words
    .filter((w) => w.yMin < FOOTER_TOP && (w.xMin < TYPE_AREA_X.from || w.xMax > TYPE_AREA_X.to))
    .map((w) => `page ${w.page}: “${w.text}” at x ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} pt`);
}

/** Lines (words at one height) of a page's text that start with a mark that may not begin a line. */
export function linesStartingWithClosingMark(layout: { words: Word[] }): string[] {
  const starts = new Map<string, Word>();
  for (const w of layout.words.filter((x) => x.yMin < FOOTER_TOP)) {
    const key = `${w.page}:${Math.round(w.yMin)}`;
    const first = starts.get(key);
    if (!first || w.xMin < first.xMin) starts.set(key, w);
  }
  return [...starts.values()]
    .filter((w) => /^[，。、；：！？）》」』”’]/.test(w.text))
    .map((w) => `page ${w.page}: “${w.text}”`);
}

/** A page as RGB pixels at 72 dpi (one pixel a point), read from pdftoppm's PPM. */
export function pagePixels(pdf: string, page: number, outDir: string): { width: number; height: number; rgb: Buffer } {
  const base = path.join(outDir, `px-${page}`);
  execFileSync('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  const ppm = fs.readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** Saves a page as PNG for a person to look at. */
export function savePng(pdf: string, page: number, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    file.replace(/\.png$/, ''),
  ]);
}

/** A page's footer as printed ("—3—"), or '' for none. */
export function footerText(layout: { words: Word[] }, page: number): string {
  return layout.words
    .filter((w) => w.page === page && w.yMin > 743)
    .map((w) => w.text)
    .join('');
}

/** The 版记 page: nothing on it but the 版记, at the foot of the type area. */
export function isColophonPage(layout: { words: Word[] }, page: number): boolean {
  const body = layout.words.filter((w) => w.page === page && w.yMin <= 743);
  return body.length > 0 && body.every((w) => w.yMin > 650) && body.some((w) => w.text.endsWith('印发'));
}

/**
 * What is wrong with the page numbers of a document, or of each document of a bound volume (each starts again at
 * “—1—”): every page of text is numbered in turn, the 版记 page and a blank page before it are counted but not
 * numbered (DOCUMENTS.md).
 */
export function numberingProblems(layout: { pages: unknown[]; words: Word[] }): string[] {
  const problems: string[] = [];
  let n = 0;
  for (let p = 1; p <= layout.pages.length; p++) {
    const foot = footerText(layout, p);
    n = foot === '—1—' ? 1 : n + 1;
    const blank = !layout.words.some((w) => w.page === p);
    const want = blank || isColophonPage(layout, p) ? '' : `—${n}—`;
    if (foot !== want) problems.push(`page ${p}: “${foot}”, not “${want}”`);
  }
  return problems;
}
