import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResponsibilityLetter } from '../../../electron/core';
import { renderCombined } from '../../../electron/services/documents/gbt9704';
import {
  footerText,
  isColophonPage,
  numberingProblems,
  outsideTypeArea,
  pdfWords,
  renderPdf,
  savePng,
} from '../../support/docx';
import { sampleVolume } from '../../support/sample-volume';
import { repoRoot, tempDir } from '../../support/tmp';

// The bound volume an office prints duplex and binds on the left: judged page by page, as a reader turning the sheets.
const work = tempDir('kaoping-volume-');
afterAll(() => work.cleanup());

describe('a bound volume of 20 letters rendered by LibreOffice', () => {
  let layout: ReturnType<typeof pdfWords>;
  const pages = () => layout.pages.map((_, i) => i + 1);
  const text = (page: number) =>
    layout.words
      .filter((w) => w.page === page && w.yMin <= 743)
      .map((w) => w.text)
      .join('');
  /** Each letter's pages, from its “—1—” to the page before the next one's. */
  const letters = () => {
    const starts = pages().filter((p) => footerText(layout, p) === '—1—');
    return starts.map((s, i) => ({ first: s, last: (starts[i + 1] ?? layout.pages.length + 1) - 1 }));
  };

  beforeAll(async () => {
    const docx = path.join(work.dir, 'volume.docx');
    fs.writeFileSync(docx, await renderCombined('责任书合订本', sampleVolume().map(buildResponsibilityLetter)));
    const pdf = await renderPdf(docx, work.dir);
    layout = pdfWords(pdf);
    const out = path.join(repoRoot, 'test-results', 'documents');
    for (const p of [1, 2, 7, 8, 9, 15, 16]) savePng(pdf, p, path.join(out, `volume-p${p}.png`));
    // the pages of the 770-character target, to look at
    const long = layout.words.filter((w) => w.text.includes('续）')).map((w) => w.page);
    for (const p of new Set([...long.map((x) => x - 1), ...long]))
      savePng(pdf, p, path.join(out, `volume-long-p${p}.png`));
  }, 180_000);

  it('starts every letter on an odd (right-hand) page, with its own number and title', () => {
    const found = letters();
    expect(found).toHaveLength(20);
    found.forEach((l, i) => {
      expect(l.first % 2, `letter ${i + 1} starts on page ${l.first}`).toBe(1);
      expect(text(l.first)).toContain(`考评责〔2026〕${i + 1}号`);
    });
  });

  it('puts each letter’s 版记 alone on its own last page, an even one (封四), at the foot of the type area', () => {
    const bottomOfTypeArea = 841.9 - (35 / 25.4) * 72;
    for (const l of letters()) {
      const colophons = pages().filter((p) => p >= l.first && p <= l.last && isColophonPage(layout, p));
      expect(colophons, `letter from page ${l.first}`).toEqual([l.last]);
      expect(l.last % 2).toBe(0);
      const printed = layout.words.find((w) => w.page === l.last && w.text.endsWith('印发'))!;
      expect(Math.abs(printed.yMax - bottomOfTypeArea)).toBeLessThan(12);
    }
    // nowhere else: not at the foot of the next letter's first page
    expect(pages().filter((p) => isColophonPage(layout, p))).toHaveLength(20);
    expect(pages().filter((p) => text(p).endsWith('印发'))).toEqual(letters().map((l) => l.last));
  });

  it('numbers the pages of each letter from 1, always on the outer edge: odd pages right, even pages left', () => {
    expect(numberingProblems(layout)).toEqual([]);
    for (const p of pages()) {
      const num = layout.words.filter((w) => w.page === p && w.yMin > 743);
      if (num.length === 0) continue;
      // one character (16 pt) in from the type area's edge: x 79.4 to 521.7
      if (p % 2 === 1) expect(Math.max(...num.map((w) => w.xMax)), `page ${p}`).toBeCloseTo(521.7 - 16, 0);
      else expect(Math.min(...num.map((w) => w.xMin)), `page ${p}`).toBeCloseTo(79.4 + 16, 0);
    }
  });

  it('keeps each cover notice’s 落款 with its text: on the first page, closed up as GB/T 9704 7.3.5 allows', () => {
    const closing = ['附件：2026年度目标管理责任书', '示例县人民政府目标考评办公室', '2026年2月20日'];
    for (const l of letters()) {
      const first = text(l.first);
      for (const c of closing) expect(first, `page ${l.first}`).toContain(c);
      // the date is the page's last line of text
      const body = layout.words.filter((w) => w.page === l.first && w.yMin <= 743);
      const lastTop = Math.max(...body.map((w) => w.yMin));
      const lastLine = body.filter((w) => Math.abs(w.yMin - lastTop) < 4);
      expect(lastLine.map((w) => w.text).join(''), `page ${l.first}`).toBe('2026年2月20日');
    }
    // no page holds a 落款 and nothing else
    for (const p of pages().filter((x) => !isColophonPage(layout, x) && text(x).includes('2026年2月20日'))) {
      const rest = closing.reduce((t, c) => t.replace(c, ''), text(p));
      expect(rest.length, `page ${p}`).toBeGreaterThan(20);
    }
  });

  it('continues the 770-character target in rows of its own that repeat its number, under the repeated header', () => {
    const third = letters()[2]!;
    const continued = pages().filter((p) => p >= third.first && p <= third.last && text(p).includes('4（续）'));
    expect(continued.length).toBeGreaterThanOrEqual(1);
    for (const p of continued) expect(text(p), `page ${p}`).toContain('序号');
  });

  it('leaves only blank pages between a letter’s signatures and its 版记, and keeps every character inside', () => {
    for (const l of letters()) {
      const signed = pages().filter((p) => p >= l.first && p <= l.last && text(p).includes('乙方（盖章）'));
      expect(signed, `letter from page ${l.first}`).toHaveLength(1);
      for (let p = signed[0]! + 1; p < l.last; p++) expect(text(p), `page ${p}`).toBe('');
    }
    expect(outsideTypeArea(layout)).toEqual([]);
  });

  it('never starts a line with a closing mark, and never breaks a number, in any cell of any page', () => {
    // pdftotext gives a run of CJK text without spaces as one word per line of a cell: a word is a line's start
    const closing = layout.words.filter((w) => /^[，。、；：！？）》」』”’%]/.test(w.text));
    expect(closing.map((w) => `page ${w.page}: ${w.text}`)).toEqual([]);
    const broken = layout.words.filter((w) => /^[.．]\d/.test(w.text) || /\d[.．]$/.test(w.text));
    expect(broken.map((w) => `page ${w.page}: ${w.text}`)).toEqual([]);
    expect(layout.words.some((w) => w.text.includes('2.5'))).toBe(true);
  });
});
