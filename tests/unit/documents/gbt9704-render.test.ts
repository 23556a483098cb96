import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import {
  linesStartingWithClosingMark,
  outsideTypeArea,
  pagePixels,
  pdfWords,
  renderPdf,
  savePng,
  type Word,
} from '../../support/docx';
import { sampleNotice } from '../../support/sample-document';
import { repoRoot, tempDir } from '../../support/tmp';

// LibreOffice stands in for Word here: the XML test is the authority, this one catches what XML cannot show.
const work = tempDir('kaoping-doc-');
let pdf: string;
let layout: ReturnType<typeof pdfWords>;

beforeAll(async () => {
  const docx = path.join(work.dir, 'notice.docx');
  fs.writeFileSync(docx, await renderOfficialDocument(sampleNotice(30)));
  pdf = await renderPdf(docx, work.dir);
  layout = pdfWords(pdf);
  savePng(pdf, 1, path.join(repoRoot, 'test-results', 'documents', 'notice-p1.png'));
  savePng(pdf, 2, path.join(repoRoot, 'test-results', 'documents', 'notice-p2.png'));
}, 180_000);
afterAll(() => work.cleanup());

function lines(page: number): Word[][] {
  const words = layout.words.filter((w) => w.page === page && w.yMax < 760);
  const rows: Word[][] = [];
  for (const w of words.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const row = rows.find((r) => Math.abs(r[0]!.yMin - w.yMin) < 4);
    if (row) row.push(w);
    else rows.push([w]);
  }
  return rows;
}

describe('the notice rendered by LibreOffice', () => {
  it('is A4', () => {
    expect(layout.pages[0]).toEqual({
      width: expect.closeTo(595.3, 0) as unknown as number,
      height: expect.closeTo(841.9, 0) as unknown as number,
    });
  });

  it('keeps every character inside the type area on every page, punctuation included (x from 79 to 523 pt)', () => {
    expect(layout.pages.length).toBeGreaterThanOrEqual(3);
    expect(outsideTypeArea(layout)).toEqual([]);
  });

  it('starts no line with a closing mark: the character before goes down with it', () => {
    expect(linesStartingWithClosingMark(layout)).toEqual([]);
    // the first paragraph's comma after 你们 does not fit on its line (it once hung in the margin)
    const text = layout.words.map((w) => w.text).join('');
    expect(text).toContain('印发给你们，请认真贯彻落实。');
  });

  it('sets a body page in 22 lines at 28.95 pt with 28 characters in a full line', () => {
    const rows = lines(2).filter((r) => r[0]!.yMin < 743);
    const tops = rows.map((r) => r[0]!.yMin);
    const gaps = tops.slice(1).map((y, i) => y - tops[i]!);
    const pitch = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    expect(pitch).toBeCloseTo(28.95, 0);
    expect(rows.length).toBe(22);
    const widest = Math.max(
      ...rows.map(
        (r) => [...r.map((w) => w.text).join('')].filter((c) => /[\u3000-\u9fff\uff00-\uffef]/.test(c)).length,
      ),
    );
    expect(widest).toBe(28);
  });

  it('puts "— N —" 7 mm below the type area, right on odd pages and left on even ones', () => {
    const num = (page: number) => layout.words.filter((w) => w.page === page && w.yMin > 743);
    const odd = num(1);
    const even = num(2);
    expect(odd.map((w) => w.text).join('')).toBe('—1—');
    expect(even.map((w) => w.text).join('')).toBe('—2—');
    const bottomOfTypeArea = 841.9 - (35 / 25.4) * 72;
    expect(odd[0]!.yMin - bottomOfTypeArea).toBeGreaterThan(10);
    expect(odd[0]!.yMin - bottomOfTypeArea).toBeLessThan(32);
    expect(Math.max(...odd.map((w) => w.xMax))).toBeGreaterThan(480);
    expect(Math.min(...even.map((w) => w.xMin))).toBeLessThan(120);
  });

  it('draws the red rule across the type area under the red 标志', () => {
    const { width, height, rgb } = pagePixels(pdf, 1, work.dir);
    const redRows: { y: number; from: number; to: number; count: number }[] = [];
    for (let y = 0; y < height; y++) {
      let from = -1;
      let to = -1;
      let count = 0;
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        if (rgb[i]! > 150 && rgb[i + 1]! < 120 && rgb[i + 2]! < 120) {
          if (from < 0) from = x;
          to = x;
          count++;
        }
      }
      if (from >= 0) redRows.push({ y, from, to, count });
    }
    // the rule is an unbroken red row; the 标志's glyphs are red rows with gaps
    const rule = redRows.find((r) => r.count > 400);
    expect(rule, 'a red line wider than 400 pt').toBeDefined();
    expect(rule!.from).toBeGreaterThanOrEqual(77);
    expect(rule!.to).toBeLessThanOrEqual(524);
    // red text (the 标志) stands above the rule
    expect(redRows.some((r) => r.y < rule!.y - 40)).toBe(true);
  });

  it('shows the title, the number and the body on the first page', () => {
    const first = layout.words
      .filter((w) => w.page === 1)
      .map((w) => w.text)
      .join('');
    expect(first).toContain('示考评〔2026〕7号');
    expect(first).toContain('关于印发2026年度目标管理');
    expect(first).toContain('为深入推进目标管理');
  });
});
