import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditNotice, wanYuan } from '../../../electron/core';
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
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-audit-notice-');
afterAll(() => work.cleanup());

/** A county's year of audits: 18 lines, long findings, amounts up to millions — the table runs over pages. */
const lines = Array.from({ length: 18 }, (_, i) => ({
  unit: `示例县第${i + 1}责任单位`,
  kind: ['预算执行', '经济责任', '专项资金', '政府投资项目', '政府采购', '财务内部控制'][i % 6]!,
  period: i % 6 === 1 ? '2023年1月至2025年12月' : '2025年度',
  findings:
    i % 5 === 0
      ? '部分项目资金未按预算执行，结转结余资金未及时清理；政府采购程序不规范，存在化整为零规避公开招标的情况；' +
        '固定资产账实不符，部分资产未入账。'
      : `结转结余资金${i + 1}万元未及时清理。`,
  amount: wanYuan((i + 1) * 12_345_650),
  result: i % 2 ? '总体较好' : '基本规范，存在一定问题',
  rectified: i % 3 ? `整改事项${i % 4}项，已核验${i % 3}项` : '无整改事项',
}));

describe('the 绩效审计结果公告 rendered by LibreOffice', () => {
  let bytes: Buffer;
  let layout: ReturnType<typeof pdfWords>;
  beforeAll(async () => {
    bytes = await renderOfficialDocument(
      buildAuditNotice({
        issuer: '示例县人民政府目标考评办公室',
        number: '考评审〔2026〕1号',
        year: 2026,
        date: '2026-12-20',
        lines,
      }),
    );
    const docx = path.join(work.dir, 'audit-notice.docx');
    fs.writeFileSync(docx, bytes);
    const pdf = await renderPdf(docx, work.dir);
    layout = pdfWords(pdf);
    layout.pages.forEach((_, p) =>
      savePng(pdf, p + 1, path.join(repoRoot, 'test-results', 'documents', `audit-notice-p${p + 1}.png`)),
    );
  }, 180_000);

  it('says the basis, lists every audit with its amount and rectification, closes with issuer and date', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    for (const needle of [
      '2026年度绩效审计结果公告',
      '考评审〔2026〕1号',
      '现将2026年度对有关单位开展的绩效审计结果公告如下（共18项）',
      '问题金额以审计报告为准，单位为万元',
      '示例县第18责任单位',
      '222.22',
      '政府投资项目',
      '2023年1月至2025年12月',
      '整改事项1项，已核验1项',
      '特此公告。',
      '2026年12月20日',
    ])
      expect(text, needle).toContain(needle);
    // a 公告 has no 主送 and no 版记
    expect(text).not.toMatch(/：\s*根据审计结果公开/);
    expect(text).not.toContain('印发');
  });

  it('repeats the table’s header on every page it runs over and never splits a row', async () => {
    const xml = (await docxParts(bytes)).get('word/document.xml')!;
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    const headerPages = new Set(layout.words.filter((w) => w.text === '序号').map((w) => w.page));
    // every amount printed whole, on one line (a number is never broken), once: no row was cut in two
    const amounts = layout.words.filter((w) => /^\d+\.\d\d$/.test(w.text));
    const sorted = (xs: string[]) => [...xs].sort((a, b) => Number(a) - Number(b));
    expect(sorted(amounts.map((w) => w.text))).toEqual(sorted(lines.map((l) => l.amount)));
    const rowPages = new Set(amounts.map((w) => w.page));
    expect(rowPages.size).toBeGreaterThan(1);
    for (const p of rowPages) expect(headerPages.has(p), `page ${p}`).toBe(true);
  });

  it('prints A4 pages inside the type area, numbered, no line starting with a closing mark', () => {
    for (const p of layout.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    expect(outsideTypeArea(layout)).toEqual([]);
    expect(linesStartingWithClosingMark(layout)).toEqual([]);
    expect(numberingProblems(layout)).toEqual([]);
  });
});
