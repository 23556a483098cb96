import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import {
  docxParts,
  linesStartingWithClosingMark,
  numberingProblems,
  outsideTypeArea,
  pdfWords,
  renderPdf,
  savePng,
} from '../../support/docx';
import { sampleMinutes } from '../../support/corpus-supervision';
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-minutes-');
afterAll(() => work.cleanup());

/** One character of 三号 on the 28-character line, in points (156 mm / 28). */
const CHAR_PT = ((156 / 25.4) * 72) / 28;

describe('the 会议纪要 of a joint meeting rendered by LibreOffice', () => {
  let bytes: Buffer;
  let layout: ReturnType<typeof pdfWords>;
  beforeAll(async () => {
    bytes = await renderOfficialDocument(sampleMinutes());
    const docx = path.join(work.dir, 'minutes.docx');
    fs.writeFileSync(docx, bytes);
    const pdf = await renderPdf(docx, work.dir);
    layout = pdfWords(pdf);
    layout.pages.forEach((_, p) =>
      savePng(pdf, p + 1, path.join(repoRoot, 'test-results', 'documents', `minutes-p${p + 1}.png`)),
    );
  }, 180_000);

  it('prints each deadline of the items table on one line (2026年10月31日, 日 not wrapped)', () => {
    const days = layout.words.filter((w) => w.text === '日');
    expect(days.length).toBeGreaterThanOrEqual(4);
    for (const d of days)
      expect(
        layout.words.some((w) => w.page === d.page && /^\d{4}$/.test(w.text) && Math.abs(w.yMin - d.yMin) < 2),
        `日 at ${d.page}:${d.yMin}`,
      ).toBe(true);
  });

  it('puts the 纪要标志 in red 小标宋 where the issuing body’s mark stands, and no seal or 署名', async () => {
    const xml = (await docxParts(bytes)).get('word/document.xml')!;
    const mark = /<w:r>(?:(?!<w:r>).)*?<w:t[^>]*>监督工作联席会议纪要<\/w:t>/s.exec(xml)![0];
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    // the issuer and the date appear once each: in the 版记's 印发 line, not as a 落款
    expect(text.split('示例县人民政府目标考评办公室').length - 1).toBe(1);
    expect(text).toContain('示例县人民政府目标考评办公室');
    expect(text.split('2026年9月18日').length - 1).toBe(1);
    expect(text).toMatch(/2026年9月18日印发/);
    for (const needle of [
      '考评纪〔2026〕1号',
      '2026年第三季度监督工作联席会议',
      '2026年9月15日，2026年第三季度监督工作联席会议在县行政中心三楼会议室召开，县纪委监委、县审计局、县财政局、县委组织部参加会议。',
      '一、会议议题',
      '二、通报交流情况',
      '三、议定事项',
      '会议明确以下4项事项由责任单位限期办理',
      '建立审计整改台账并按月更新',
      '2026年10月15日',
      '出席：县纪委监委　张建国、李红；县审计局　王五；县财政局　赵六、孙七、周八',
      '请假：县司法局　吴九',
      '列席：县委组织部　郑十',
    ])
      expect(text, needle).toContain(needle);
  });

  it('sets 出席 in 黑体 two characters in, its second line aligned after the colon', async () => {
    const xml = (await docxParts(bytes)).get('word/document.xml')!;
    const present = /<w:p>(?:(?!<w:p>).)*?<w:t[^>]*>出席：<\/w:t>/s.exec(xml)![0];
    expect(present).toMatch(/<w:ind w:left="\d+" w:hanging="\d+"\/>/);
    expect(present).toContain('w:eastAsia="黑体"');
    const at = (text: string) => layout.words.find((w) => w.text.startsWith(text))!;
    const label = at('出席：');
    expect(label.xMin - 79.4).toBeCloseTo(2 * CHAR_PT, -0.5);
    // the names run over to a second line, which begins under the first name after “出席：”
    const next = layout.words
      .filter((w) => w.page === label.page && w.yMin > label.yMin + 5)
      .sort((a, b) => a.yMin - b.yMin)[0]!;
    expect(next.yMin - label.yMin).toBeLessThan(40);
    expect(next.xMin - label.xMin).toBeCloseTo(3 * CHAR_PT, -0.5);
    for (const l of ['请假：', '列席：']) expect(at(l).xMin).toBeCloseTo(label.xMin, 0);
  });

  it('prints A4 pages inside the type area, numbered, no line starting with a closing mark', () => {
    for (const p of layout.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    expect(outsideTypeArea(layout)).toEqual([]);
    expect(linesStartingWithClosingMark(layout)).toEqual([]);
    expect(numberingProblems(layout)).toEqual([]);
  });
});
