import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import {
  FOOTER_TOP,
  docxParts,
  linesStartingWithClosingMark,
  numberingProblems,
  outsideTypeArea,
  pdfWords,
  renderPdf,
  savePng,
} from '../../support/docx';
import { sampleChannelNotice } from '../../support/corpus-supervision';
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-channel-notice-');
afterAll(() => work.cleanup());

describe('the 公开投诉渠道 公告 rendered by LibreOffice', () => {
  let bytes: Buffer;
  let layout: ReturnType<typeof pdfWords>;
  beforeAll(async () => {
    bytes = await renderOfficialDocument(sampleChannelNotice());
    const docx = path.join(work.dir, 'channel-notice.docx');
    fs.writeFileSync(docx, bytes);
    const pdf = await renderPdf(docx, work.dir);
    layout = pdfWords(pdf);
    layout.pages.forEach((_, p) =>
      savePng(pdf, p + 1, path.join(repoRoot, 'test-results', 'documents', `channel-notice-p${p + 1}.png`)),
    );
  }, 180_000);

  it('says what may be complained of, lists every channel with its hours, closes with issuer and date', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    for (const needle of [
      '关于公布各部门投诉受理渠道的公告',
      '考评投〔2026〕1号',
      '现将16个部门（单位）的投诉受理渠道公布如下',
      '0000-8000016',
      '示例县人民路13号县政务服务中心13楼投诉受理室（邮编000000）',
      'http://www.example.gov.cn/bm13/ts',
      '工作日 8:30\u2060—\u206012:00、14:30\u2060—\u206017:30',
      '12345政务服务便民热线',
      '特此公告。',
      '示例县人民政府目标考评办公室',
      '2026年9月29日',
    ])
      expect(text, needle).toContain(needle);
  });

  it('repeats the table’s header on every page it runs over; every phone number printed whole, once', async () => {
    const xml = (await docxParts(bytes)).get('word/document.xml')!;
    expect(xml).toContain('<w:tblHeader/>');
    const headerPages = new Set(layout.words.filter((w) => w.text === '序号').map((w) => w.page));
    const phones = layout.words.filter((w) => /^0000-8\d{6}$/.test(w.text));
    expect(phones).toHaveLength(16);
    const rowPages = new Set(phones.map((w) => w.page));
    expect(rowPages.size).toBeGreaterThan(1);
    for (const p of rowPages) expect(headerPages.has(p), `page ${p}`).toBe(true);
  });

  it('prints each department’s name whole on its line (示例县第1部门, not 示例县第1部 / 门)', () => {
    expect(layout.words.filter((w) => /部门$/.test(w.text)).length).toBeGreaterThanOrEqual(16);
    expect(layout.words.filter((w) => w.text === '门')).toEqual([]);
  });

  it('keeps a span of hours on one line: no line begins with the dash of 14:30—17:30', () => {
    // every dash of the table follows a time on its own line (a dash starting a cell's line has none); the page
    // numbers (— 1 —) below the type area are not the table's
    const spans = layout.words.filter((w) => w.yMin < FOOTER_TOP && /\d[—–]\d/.test(w.text));
    expect(spans.length).toBeGreaterThanOrEqual(16);
    const dashes = layout.words.filter((w) => w.yMin < FOOTER_TOP && /^[—–]/.test(w.text));
    const orphans = dashes.filter(
      (d) =>
        !layout.words.some(
          (w) =>
            w.page === d.page && Math.abs(w.yMin - d.yMin) < 2 && /\d$/.test(w.text) && Math.abs(d.xMin - w.xMax) < 3,
        ),
    );
    expect(orphans.map((d) => `page ${d.page}: ${d.text}`)).toEqual([]);
  });

  it('prints A4 pages inside the type area, numbered, no line starting with a closing mark', () => {
    for (const p of layout.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    expect(outsideTypeArea(layout)).toEqual([]);
    expect(linesStartingWithClosingMark(layout)).toEqual([]);
    expect(numberingProblems(layout)).toEqual([]);
  });
});
