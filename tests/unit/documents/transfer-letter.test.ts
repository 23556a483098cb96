import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTransferLetter } from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import { linesStartingWithClosingMark, outsideTypeArea, pdfWords, renderPdf, savePng } from '../../support/docx';
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-transfer-');
afterAll(() => work.cleanup());

describe('the 移送处理书 rendered by LibreOffice', () => {
  let layout: ReturnType<typeof pdfWords>;
  beforeAll(async () => {
    const bytes = await renderOfficialDocument(
      buildTransferLetter({
        issuer: '示例县人民政府目标考评办公室',
        number: '考评移〔2026〕1号',
        to: '示例县监察委员会',
        fromBody: '审计部门',
        unit: '示例县教育局',
        person: '王某某',
        subject: '违规发放学生资助资金',
        facts:
          '2025年度学生资助资金专项审计发现，该局向不符合资助条件的学生发放资助资金12.6万元，' +
          '相关审批手续不全，资金发放台账与实际发放情况不一致。\n经核实，上述问题涉及资助资金管理岗位人员3名。',
        materials: '1. 审计报告（示审专〔2026〕5号）\n2. 审计工作底稿（复印件）\n3. 资金发放台账',
        feedbackDue: '2026-12-31',
        copyPersonnel: true,
        date: '2026-09-29',
      }),
    );
    const docx = path.join(work.dir, 'transfer.docx');
    fs.writeFileSync(docx, bytes);
    const pdf = await renderPdf(docx, work.dir);
    layout = pdfWords(pdf);
    savePng(pdf, 1, path.join(repoRoot, 'test-results', 'documents', 'transfer-p1.png'));
  }, 180_000);

  it('keeps every character inside the type area and starts no line with a closing mark', () => {
    expect(outsideTypeArea(layout)).toEqual([]);
    expect(linesStartingWithClosingMark(layout)).toEqual([]);
  });

  it('names the receiving body, the facts, the materials and the feedback due date', () => {
    const text = layout.words.map((w) => w.text).join('');
    expect(text).toContain('考评移〔2026〕1号');
    expect(text).toContain('关于移送示例县教育局王某某违规发放学生资助资金问题线索的函');
    expect(text).toContain('示例县监察委员会：');
    expect(text).not.toContain('示例县监察委员会：：');
    expect(text).toContain('2026年12月31日前将调查处理结果书面反馈我办');
    expect(text).toContain('抄送：组织人事部门');
  });
});
