import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ResultsPublicityInput,
  buildResultsBulletin,
  buildResultsPublicity,
  periodText,
  publicityPeriod,
} from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import {
  docxParts,
  linesStartingWithClosingMark,
  numberingProblems,
  outsideTypeArea,
  pdfWords,
  renderPdfs,
  savePng,
} from '../../support/docx';
import { sampleRanking } from '../../support/sample-ranking';
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-publication-');
afterAll(() => work.cleanup());

/** A county's year: 12 党群部门, 40 政府工作部门, 18 乡镇 — the ranking runs over several pages. */
const input = (): ResultsPublicityInput => ({
  issuer: '示例县人民政府目标考评办公室',
  number: '考评公〔2026〕1号',
  year: 2026,
  planTitle: '示例县2026年度目标管理考核方案',
  categories: sampleRanking([12, 40, 18]),
  period: { startDate: '2027-01-04', endDate: '2027-01-08', workingDays: 5 },
  phone: '0000-1234567',
  address: '县政府大楼3楼302室（县考评办）',
  date: '2027-01-04',
});

describe('the period in working days', () => {
  it('starts on the next working day and counts the first, skipping weekends and holidays', () => {
    const holidays = new Map([['2027-01-06', 'holiday' as const]]);
    expect(publicityPeriod('2027-01-02', 5, new Map())).toEqual({ start: '2027-01-04', end: '2027-01-08' });
    expect(publicityPeriod('2027-01-04', 5, holidays)).toEqual({ start: '2027-01-04', end: '2027-01-11' });
    expect(periodText({ startDate: '2026-12-29', endDate: '2027-01-05', workingDays: 5 })).toBe(
      '自2026年12月29日至2027年1月5日（5个工作日）',
    );
  });
});

describe('the 公示 and the 通报 of the results', () => {
  let publicity: Buffer;
  let bulletin: Buffer;
  let layouts: ReturnType<typeof pdfWords>[];
  beforeAll(async () => {
    publicity = await renderOfficialDocument(buildResultsPublicity(input()));
    bulletin = await renderOfficialDocument(
      buildResultsBulletin({
        ...input(),
        number: '考评通〔2026〕9号',
        recipients: '各被考核单位',
        objections: { received: 2, upheld: 1 },
        rewards: '对评为优秀等次的单位予以通报表扬，并按规定兑现年终绩效奖励。',
        date: '2027-01-15',
      }),
    );
    const files = [path.join(work.dir, 'publicity.docx'), path.join(work.dir, 'bulletin.docx')];
    fs.writeFileSync(files[0]!, publicity);
    fs.writeFileSync(files[1]!, bulletin);
    const pdfs = await renderPdfs(files, work.dir);
    layouts = pdfs.map(pdfWords);
    const out = path.join(repoRoot, 'test-results', 'documents');
    pdfs.forEach((pdf, i) =>
      layouts[i]!.pages.forEach((_, p) =>
        savePng(pdf, p + 1, path.join(out, `results-${i ? 'bulletin' : 'publicity'}-p${p + 1}.png`)),
      ),
    );
  }, 180_000);

  it('the 公示 says the basis, every unit’s rank, score and grade, the period and how to object', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: publicity });
    for (const needle of [
      '关于2026年度目标管理考核结果的公示',
      '考评公〔2026〕1号',
      '根据《示例县2026年度目标管理考核方案》',
      '（一）党群部门（12个单位）',
      '（二）政府工作部门（40个单位）',
      '（三）乡镇街道（18个单位）',
      '示例县单位第40',
      '97.25',
      '98.50',
      '公示期为自2027年1月4日至1月8日（5个工作日）。',
      '受理地址：县政府大楼3楼302室（县考评办）；联系电话：0000-1234567',
      '公示期满后提出的异议不予受理',
      '特此公示。',
      '2027年1月4日',
    ])
      expect(text, needle).toContain(needle);
  });

  it('the 通报 says how the 公示 went, the results, the grades and the rewards', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: bulletin });
    for (const needle of [
      '关于2026年度目标管理考核结果的通报',
      '各被考核单位：',
      '公示期间共收到异议2件，经调查核实均已答复，其中异议成立1件，已据此重新评分',
      '二、等次情况',
      '三、奖惩兑现',
      '对评为优秀等次的单位予以通报表扬',
      '四、有关要求',
      '2027年1月15日印发',
    ])
      expect(text, needle).toContain(needle);
  });

  it('repeats the ranking table’s header on every page it runs over, and never splits a row', async () => {
    const xml = (await docxParts(publicity)).get('word/document.xml')!;
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(3);
    const layout = layouts[0]!;
    const headerPages = new Set(layout.words.filter((w) => w.text === '考核得分').map((w) => w.page));
    const rowPages = new Set(layout.words.filter((w) => /^示例县单位第\d+$/.test(w.text)).map((w) => w.page));
    for (const p of rowPages) expect(headerPages.has(p), `page ${p}`).toBe(true);
  });

  it('prints A4 pages inside the type area, numbered, no line starting with a closing mark', () => {
    for (const layout of layouts) {
      expect(layout.pages.length).toBeGreaterThanOrEqual(3);
      for (const p of layout.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
      expect(outsideTypeArea(layout)).toEqual([]);
      expect(linesStartingWithClosingMark(layout)).toEqual([]);
      expect(numberingProblems(layout)).toEqual([]);
    }
  });
});
