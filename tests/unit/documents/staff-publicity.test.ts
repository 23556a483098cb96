import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExcellentPublicityInput, buildExcellentPublicity } from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import {
  linesStartingWithClosingMark,
  numberingProblems,
  outsideTypeArea,
  pdfWords,
  renderPdfs,
  savePng,
} from '../../support/docx';
import { AWKWARD } from '../../support/awkward';
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-staff-publicity-');
afterAll(() => work.cleanup());

/** The year's 优秀 of every unit: 40 people, a long post among them, over more than one page. */
const input = (): ExcellentPublicityInput => ({
  issuer: '示例县人民政府目标考评办公室',
  number: '考评公〔2026〕3号',
  year: 2026,
  unitName: null,
  people: Array.from({ length: 40 }, (_, i) => ({
    name: i === 0 ? '刘𠇔' : `干部${i + 1}`,
    unit: i % 2 ? '示例县发展和改革局' : '中共示例县委组织部',
    post: i === 1 ? `副局长${AWKWARD}` : i === 2 ? null : '一级主任科员',
  })),
  period: { startDate: '2026-12-15', endDate: '2026-12-21', workingDays: 5 },
  phone: '0000-1234567',
  address: '县政府大楼3楼302室（县考评办）',
  date: '2026-12-14',
});

describe('the 优秀等次公示 notice', () => {
  let docx: Buffer;
  let layout: ReturnType<typeof pdfWords>;
  beforeAll(async () => {
    docx = await renderOfficialDocument(buildExcellentPublicity(input()));
    const file = path.join(work.dir, 'staff-publicity.docx');
    fs.writeFileSync(file, docx);
    const [pdf] = await renderPdfs([file], work.dir);
    layout = pdfWords(pdf!);
    const out = path.join(repoRoot, 'test-results', 'documents');
    layout.pages.forEach((_, p) => savePng(pdf!, p + 1, path.join(out, `staff-publicity-p${p + 1}.png`)));
  }, 180_000);

  it('says the basis, lists each person with unit and post, the period and how to object', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    for (const needle of [
      '关于2026年度公务员年度考核优秀等次人选的公示',
      '考评公〔2026〕3号',
      '根据《公务员考核规定》',
      '各单位拟确定以下40名同志为2026年度公务员年度考核优秀等次',
      '一、公示名单',
      '刘𠇔',
      '干部40',
      '一级主任科员',
      '公示期为自2026年12月15日至12月21日（5个工作日）。',
      '受理地址：县政府大楼3楼302室（县考评办）；联系电话：0000-1234567',
      '公示期满后提出的异议不予受理',
      '特此公示。',
      '2026年12月14日',
    ])
      expect(text, needle).toContain(needle);
    expect(buildExcellentPublicity({ ...input(), unitName: '示例县财政局' }).title).toBe(
      '关于示例县财政局2026年度公务员年度考核优秀等次人选的公示',
    );
  });

  it('prints A4 pages inside the type area, numbered, the table header on every page', () => {
    expect(layout.pages.length).toBeGreaterThanOrEqual(2);
    for (const p of layout.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    expect(outsideTypeArea(layout)).toEqual([]);
    expect(linesStartingWithClosingMark(layout)).toEqual([]);
    expect(numberingProblems(layout)).toEqual([]);
    const headerPages = new Set(layout.words.filter((w) => w.text === '职务').map((w) => w.page));
    const rowPages = new Set(layout.words.filter((w) => /^干部\d+$/.test(w.text)).map((w) => w.page));
    for (const p of rowPages) expect(headerPages.has(p), `page ${p}`).toBe(true);
  });
});
