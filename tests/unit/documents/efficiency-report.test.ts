import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEfficiencyReport } from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import {
  linesStartingWithClosingMark,
  numberingProblems,
  outsideTypeArea,
  pdfWords,
  renderPdf,
  savePng,
} from '../../support/docx';
import { efficiencyReport } from '../../support/engine-corpus';
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-efficiency-');
afterAll(() => work.cleanup());

describe('公布各部门审批绩效评分 (the efficiency 通报)', () => {
  let bytes: Buffer;
  let layout: ReturnType<typeof pdfWords>;
  beforeAll(async () => {
    bytes = await renderOfficialDocument(buildEfficiencyReport(efficiencyReport()));
    const docx = path.join(work.dir, 'efficiency.docx');
    fs.writeFileSync(docx, bytes);
    const pdf = await renderPdf(docx, work.dir);
    layout = pdfWords(pdf);
    for (const page of [1, 2, 3, 4])
      savePng(pdf, page, path.join(repoRoot, 'test-results', 'documents', `efficiency-p${page}.png`));
  }, 180_000);

  it('gives the rule, every unit’s rate and points, the cases over their limit and the costs beside them', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    for (const needle of [
      '关于公布2026年第一季度各部门审批绩效评分的通报',
      '考评效〔2026〕1号',
      '一、计算办法',
      '二、各部门审批绩效',
      '得分（满分5分）',
      '三、超过时限的办件',
      '四、2026年度各部门行政成本',
      '不计分：缺少三公经费上年数',
      '五、有关要求',
      '2026年4月10日印发',
    ])
      expect(text, needle).toContain(needle);
  });

  it('prints A4, inside the type area, no line starting with a closing mark, numbered pages, 序号 on one line', () => {
    expect(layout.pages.length).toBeGreaterThanOrEqual(2);
    expect(outsideTypeArea(layout)).toEqual([]);
    expect(linesStartingWithClosingMark(layout)).toEqual([]);
    expect(numberingProblems(layout)).toEqual([]);
    const printed = layout.words.map((w) => w.text);
    expect(printed).not.toContain('序');
    expect(printed).not.toContain('%');
    expect(printed.filter((w) => w === '未办结')).toHaveLength(4);
  });
});
