import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResponsibilityLetter, letterTable } from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import { columnWidths } from '../../../electron/services/documents/gbt9704-table-layout';
import {
  docxParts,
  isColophonPage,
  linesStartingWithClosingMark,
  numberingProblems,
  outsideTypeArea,
  pagePixels,
  pdfWords,
  renderPdf,
  savePng,
} from '../../support/docx';
import { sampleLetter } from '../../support/sample-letter';
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-letter-');
const out = path.join(repoRoot, 'test-results', 'documents');
afterAll(() => work.cleanup());

describe('the letter’s table', () => {
  it('words each generated 评分标准 with the row’s own points, not the indicator’s total', () => {
    const input = sampleLetter(21);
    const table = letterTable(input.items, input.total);
    const rows = table.rows.filter((r) => r[1]!.endsWith('业务工作目标'));
    expect(rows).toHaveLength(21);
    for (const r of rows) expect(r[4]).toBe(`完成率达到100%得满分${r[3]}分，低于60%不得分，其间按比例计分`);
    expect(rows.map((r) => r[3])).toContain('3.33');
    // the office's own wording is printed as written
    expect(table.rows.filter((r) => r[1]!.endsWith('工作效能'))[0]![4]).toBe(
      '按时完成得满分，每延误一项扣1分，扣完为止',
    );
  });
});

describe('the letter’s .docx', async () => {
  const bytes = await renderOfficialDocument(
    buildResponsibilityLetter(sampleLetter(8, { unit: '示例县堃𠮷发展和改革局' })),
  );
  const parts = await docxParts(bytes);
  const doc = parts.get('word/document.xml')!;

  it('carries the page, grid, font, number and date values of DOCUMENTS.md', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    expect(parts.get('word/styles.xml')).toMatch(
      /<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"\/>/,
    );
    expect(doc).toContain('考评责〔2026〕1号');
    expect(doc).toContain('2026年2月20日');
    expect(doc).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000"/);
    // odd and even page numbers for the text, two empty footers for the 版记 page
    expect([...parts.keys()].filter((k) => /word\/footer\d+\.xml/.test(k))).toHaveLength(4);
    expect(parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('repeats the table header, never splits a row, and sets table text off the page grid', () => {
    expect(doc.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    const rows = doc.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    const tableRows = rows.filter((r) => r.includes('w:cantSplit'));
    expect(tableRows.length).toBeGreaterThanOrEqual(8 + 3 + 1 + 2);
    expect(doc).toMatch(/<w:pPr><w:snapToGrid w:val="false"\/><w:spacing w:line="300" w:lineRule="exact"\/>/);
  });

  it('sets characters the GB2312 fonts lack in 宋体 / SimSun-ExtB runs of their own', () => {
    expect(doc).toMatch(/w:eastAsia="宋体"[^>]*\/>(?:<[^>]+>)*<w:t[^>]*>堃<\/w:t>/);
    expect(doc).toMatch(/w:eastAsia="SimSun-ExtB"[^>]*\/>(?:<[^>]+>)*<w:t[^>]*>𠮷<\/w:t>/);
  });

  it('sets the 版记 in a section of its own on an even page, below a spacer that fills the type area', () => {
    const last = doc.slice(doc.lastIndexOf('<w:type w:val="oddPage"/>'));
    expect(last).toMatch(/<w:type w:val="evenPage"\/>/);
    expect(last).toMatch(/<w:spacing [^>]*w:line="\d{5}"[^>]*\/>[\s\S]*2026年2月20日印发<\/w:t>/);
    expect(doc).not.toContain('w:framePr');
  });

  it('a second reader (mammoth) finds every element the letter must have', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    for (const needle of [
      '关于签订2026年度目标管理责任书的通知',
      '示例县堃𠮷发展和改革局：',
      '附件：2026年度目标管理责任书',
      '2026年度目标管理责任书',
      '甲方：示例县人民政府',
      '乙方：示例县堃𠮷发展和改革局',
      '一、责任期限',
      '自2026年1月1日起至2026年12月31日止。',
      '二、目标任务',
      '三、考核指标与分值',
      '四、责任与义务',
      '（一）甲方',
      '（二）乙方',
      '五、考核与奖惩',
      '六、其他',
      '序号',
      '评分标准',
      '考核责任单位',
      '合计',
      '基本分 100 分',
      '甲方（盖章）',
      '乙方（盖章）',
      '负责人（签字）：',
      '2026年2月20日印发',
    ]) {
      expect(text, needle).toContain(needle);
    }
    for (let i = 1; i <= 8; i++) expect(text).toContain(`第${i}项目标任务`);
  });
});

describe('a letter with 80 targets rendered by LibreOffice', () => {
  let layout: ReturnType<typeof pdfWords>;
  let pdf: string;
  beforeAll(async () => {
    const docx = path.join(work.dir, 'letter80.docx');
    fs.writeFileSync(docx, await renderOfficialDocument(buildResponsibilityLetter(sampleLetter(80))));
    pdf = await renderPdf(docx, work.dir);
    layout = pdfWords(pdf);
    for (const p of [1, 3, 4]) savePng(pdf, p, path.join(out, `letter80-p${p}.png`));
    const signed = layout.words.find((w) => w.text.includes('乙方（盖章）'))?.page ?? layout.pages.length - 1;
    savePng(pdf, signed, path.join(out, 'letter80-signatures.png'));
    savePng(pdf, layout.pages.length, path.join(out, 'letter80-last.png'));
  }, 180_000);

  const pageText = (page: number) =>
    layout.words
      .filter((w) => w.page === page)
      .map((w) => w.text)
      .join('');
  // pdftotext reads a table row across its cells line by line, so a cell's text is read from its column alone: the
  // third column, as wide as the engine makes it, from x 79.4
  const widths = (() => {
    const t = letterTable(sampleLetter(80).items, 100);
    return columnWidths(t.header, t.rows, 240, t.main).map((w) => w / 20);
  })();
  const column = { from: 79.4 + widths[0]! + widths[1]! - 2, to: 79.4 + widths[0]! + widths[1]! + widths[2]! + 2 };
  const targetColumn = (page: number) =>
    layout.words
      .filter((w) => w.page === page && w.xMin >= column.from && w.xMax <= column.to)
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
      .map((w) => w.text)
      .join('');
  const pagesWith = (needle: string) =>
    layout.pages.map((_, i) => i + 1).filter((p) => targetColumn(p).includes(needle));

  it('flows over several pages with the table header at the top of every table page', () => {
    const first = pagesWith('第1项目标任务')[0]!;
    const last = pagesWith('第80项目标任务')[0]!;
    expect(last - first).toBeGreaterThanOrEqual(5);
    for (let p = first; p <= last; p++) {
      const header = layout.words.filter((w) => w.page === p && w.text === '评分标准');
      expect(header, `page ${p} has the header`).toHaveLength(1);
      const topOfText = Math.min(...layout.words.filter((w) => w.page === p).map((w) => w.yMin));
      expect(header[0]!.yMin - topOfText, `page ${p}: header first`).toBeLessThan(20);
    }
  });

  it('is A4 throughout, numbered “— N —” on every page but the 版记’s, with the red rule across the first', () => {
    for (const p of layout.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    expect(numberingProblems(layout)).toEqual([]);
    const { width, height, rgb } = pagePixels(pdf, 1, work.dir);
    let widest = 0;
    for (let y = 0; y < height; y++) {
      let count = 0;
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        if (rgb[i]! > 150 && rgb[i + 1]! < 120 && rgb[i + 2]! < 120) count++;
      }
      widest = Math.max(widest, count);
    }
    expect(widest).toBeGreaterThan(400);
    expect(widest).toBeLessThanOrEqual(446);
  });

  it('keeps every row whole on one page', () => {
    for (let i = 1; i <= 80; i++) {
      const start = pagesWith(`第${i}项目标任务：`);
      const end = pagesWith(`目标值：${99 + i}个`);
      expect(start, `row ${i}`).toHaveLength(1);
      expect(end, `row ${i}`).toEqual(start);
    }
  });

  it('keeps every character inside the type area on every page, and starts no line with a closing mark', () => {
    expect(layout.pages.length).toBeGreaterThanOrEqual(8);
    expect(outsideTypeArea(layout)).toEqual([]);
    expect(linesStartingWithClosingMark(layout)).toEqual([]);
  });

  it('puts the 版记 alone on the last line of the last page, an even one (封四), right after the signatures', () => {
    const last = layout.pages.length;
    expect(last % 2).toBe(0);
    expect(isColophonPage(layout, last)).toBe(true);
    const printed = layout.words.filter((w) => w.page === last && w.text.includes('印发'));
    expect(printed).toHaveLength(1);
    const bottomOfTypeArea = 841.9 - (35 / 25.4) * 72;
    expect(Math.abs(printed[0]!.yMax - bottomOfTypeArea)).toBeLessThan(12);
    const signatures = layout.pages.map((_, i) => i + 1).filter((p) => pageText(p).includes('乙方（盖章）'));
    expect(signatures).toHaveLength(1);
    // only a blank page may stand between them
    for (let p = signatures[0]! + 1; p < last; p++) expect(pageText(p), `page ${p}`).toBe('');
  });
});

describe('a target of 2,000 characters', () => {
  it('is printed whole even though its row is taller than a page', async () => {
    const long = `${'推进重点项目建设并按季度报告进展'.repeat(124)}最后八个字在此结束`;
    expect([...long].length).toBeGreaterThanOrEqual(1990);
    const docx = path.join(work.dir, 'long.docx');
    fs.writeFileSync(
      docx,
      await renderOfficialDocument(buildResponsibilityLetter(sampleLetter(3, { longTarget: long }))),
    );
    const layout = pdfWords(await renderPdf(docx, work.dir));
    expect(outsideTypeArea(layout)).toEqual([]);
    const text = layout.words.map((w) => w.text).join('');
    expect(text).toContain('最后八个字在此结束');
    expect(text).toContain('第2项目标任务');
  }, 180_000);
});
