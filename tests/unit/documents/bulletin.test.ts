import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckReportInput, buildCheckReport } from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import {
  linesStartingWithClosingMark,
  numberingProblems,
  outsideTypeArea,
  pdfWords,
  renderPdf,
  savePng,
} from '../../support/docx';
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-bulletin-');
afterAll(() => work.cleanup());

const ratings = ['on_track', 'lagging', 'serious'] as const;

/** A half-year round over twelve units, the way checks.report builds its 督查通报. */
function round(): CheckReportInput {
  return {
    issuer: '示例县人民政府目标考评办公室',
    number: '考评通〔2026〕3号',
    title: '2026年上半年目标任务督查',
    kind: 'half_year',
    team: '县考评办会同县委督查室、县政府督查室组成的3个督查组',
    scope: '县直各部门、各乡镇和有关企事业单位（共48家）',
    checkDate: '2026-07-06',
    recipients: '各乡镇人民政府，县直各部门',
    date: '2026-07-20',
    findings: Array.from({ length: 12 }, (_, i) => ({
      unit: `示例县第${i + 1}责任单位`,
      target:
        i % 3 === 2
          ? null
          : {
              indicator: '固定资产投资',
              content:
                '完成全县固定资产投资年度目标，全年固定资产投资增长8%以上，其中重大项目投资占比不低于40%；' +
                '完成情况纳入年度考核，超额完成的给予奖励。',
            },
      rating: ratings[i % 3]!,
      description: `上半年应完成年度目标的50%，实际完成${30 + i}%，进度滞后，项目入库、审批和开工建设等环节衔接不够紧密。`,
      requiredAction: `于2026年8月${10 + i}日前报送整改方案，明确责任领导和完成时限，逐月报告进展。`,
    })),
  };
}

describe('the 督查通报 (bulletin)', () => {
  let bytes: Buffer;
  let layout: ReturnType<typeof pdfWords>;
  beforeAll(async () => {
    bytes = await renderOfficialDocument(buildCheckReport(round()));
    const docx = path.join(work.dir, 'bulletin.docx');
    fs.writeFileSync(docx, bytes);
    const pdf = await renderPdf(docx, work.dir);
    layout = pdfWords(pdf);
    savePng(pdf, 1, path.join(repoRoot, 'test-results', 'documents', 'bulletin-p1.png'));
    savePng(pdf, 2, path.join(repoRoot, 'test-results', 'documents', 'bulletin-p2.png'));
  }, 180_000);

  it('says what was checked and lists every finding with its rating and requirement', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    for (const needle of [
      '关于2026年上半年目标任务督查情况的通报',
      '考评通〔2026〕3号',
      '各乡镇人民政府，县直各部门：',
      '一、总体情况',
      '二、发现的问题',
      '三、有关要求',
      '其中正常推进4项、进度滞后4项、严重滞后4项',
      '示例县第12责任单位',
      '严重滞后',
      '2026年7月20日印发',
    ]) {
      expect(text, needle).toContain(needle);
    }
  });

  it('cites a target by its indicator and a short name, never its whole text, without double punctuation', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text).toContain('固定资产投资（完成全县固定资产投资年度目标）：上半年应完成年度目标的50%');
    expect(text).not.toContain('给予奖励');
    expect(text).not.toMatch(/[。；，、]：/);
  });

  it('never leaves a heading alone at the foot of a page: 二、发现的问题 stands over its table', () => {
    const heading = layout.words.find((w) => w.text === '二、发现的问题')!;
    const header = layout.words.filter((w) => w.text === '序号').sort((a, b) => a.page - b.page || a.yMin - b.yMin)[0]!;
    expect(header.page).toBe(heading.page);
    expect(header.yMin - heading.yMax).toBeLessThan(30);
  });

  it('prints each rating and the header 序号 on one line', () => {
    const printed = layout.words.map((w) => w.text);
    // four findings of each rating, each rating a word of its own: none broken over two lines
    for (const r of ['正常推进', '进度滞后', '严重滞后'])
      expect(
        printed.filter((w) => w === r),
        r,
      ).toHaveLength(4);
    expect(printed).toContain('序号');
    expect(printed).not.toContain('序');
  });

  it(
    'prints A4, every character inside the type area on every page, no line starting with a closing mark, ' +
      'numbered pages',
    () => {
      expect(layout.pages.length).toBeGreaterThanOrEqual(2);
      for (const p of layout.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
      expect(outsideTypeArea(layout)).toEqual([]);
      expect(linesStartingWithClosingMark(layout)).toEqual([]);
      expect(numberingProblems(layout)).toEqual([]);
      // the rating column is as wide as its longest value, the header 序号 on one line
      expect(layout.words.filter((w) => w.text === '严重滞后')).toHaveLength(4);
      expect(layout.words.filter((w) => w.text === '序号').length).toBe(
        layout.words.filter((w) => w.text === '评定').length,
      );
    },
  );
});
