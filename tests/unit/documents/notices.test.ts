import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { type NoticeInput, type NoticeKind, addWorkingDays, buildNotice } from '../../../electron/core';
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
import { repoRoot, tempDir } from '../../support/tmp';

const work = tempDir('kaoping-notice-');
afterAll(() => work.cleanup());

const holidays = new Map<string, 'holiday' | 'workday'>([
  ['2026-10-01', 'holiday'],
  ['2026-10-02', 'holiday'],
  ['2026-10-05', 'holiday'],
  ['2026-10-10', 'workday'],
]);

function notice(kind: NoticeKind): NoticeInput {
  const date = '2026-09-29';
  return {
    kind,
    issuer: '示例县人民政府目标考评办公室',
    number: { inquiry: '考评询〔2026〕3号', supervision: '考评督〔2026〕5号', rectification: '考评改〔2026〕2号' }[
      kind
    ],
    to: '示例县发展和改革局',
    reason: '你单位“完成全县固定资产投资年度目标”第三季度应完成75%，实际报告完成48%，进度明显滞后。',
    leader: '李红',
    source: kind === 'supervision' ? '县政府第12次常务会议决定' : null,
    items: [
      { text: '进度滞后的具体原因及责任人', lead: '刘𠇔', partners: '县财政局', deadline: '2026-10-16' },
      { text: '第四季度的赶超措施和时间安排', deadline: '2026-10-30' },
      { text: '需要县政府协调解决的问题' },
    ],
    replyBy: addWorkingDays(date, 5, holidays),
    workingDays: 5,
    contact: { name: '王某', phone: '0000-1234567' },
    date,
    copyTo: '县政府办公室',
  };
}

describe('notices with deadlines in working days and a 回执', () => {
  it('counts the reply deadline over the holiday and the worked Saturday', () => {
    // 29 Sep (Tue) + 5 working days: 30 Sep, 6, 7, 8, 9 Oct (1, 2, 5 are holidays; 3, 4 a weekend)
    expect(notice('inquiry').replyBy).toBe('2026-10-09');
  });

  for (const kind of ['inquiry', 'supervision', 'rectification'] as const) {
    it(`${kind}: number, title, recipient, items, deadline, contact and the 回执 are all there`, async () => {
      const n = notice(kind);
      const bytes = await renderOfficialDocument(buildNotice(n));
      const xml = (await docxParts(bytes)).get('word/document.xml')!;
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(xml).toContain(n.number);
      const { value: text } = await mammoth.extractRawText({ buffer: bytes });
      const title = `关于示例县发展和改革局的${{ inquiry: '问询通知书', supervision: '督办通知书', rectification: '整改通知书' }[kind]}`;
      for (const needle of [
        title,
        // the 回执 is the unit writing to the office, quoting the notice by its one title
        `贵办《${title}》（${n.number}）已收悉`,
        '该目标的责任领导为李红同志。',
        '刘𠇔',
        '县财政局',
        '示例县发展和改革局：',
        '进度明显滞后',
        '2026年10月9日（5个工作日内）',
        '（联系人：王某，电话：0000-1234567）',
        '附件：回执',
        '回　执',
        '签收人',
        '2026年9月29日印发',
      ]) {
        expect(text, needle).toContain(needle);
      }
      if (kind === 'supervision') {
        expect(text).toContain('根据县政府第12次常务会议决定');
        expect(text).toContain('牵头单位');
        expect(text).toContain('2026年10月16日');
      } else {
        const word = kind === 'inquiry' ? '说明时限' : '整改时限';
        expect(text).toContain(
          `一、进度滞后的具体原因及责任人（牵头单位：刘𠇔；配合单位：县财政局；${word}：2026年10月16日前）`,
        );
        expect(text).toContain(`二、第四季度的赶超措施和时间安排（${word}：2026年10月30日前）`);
        expect(text).toContain('三、需要县政府协调解决的问题');
      }
    });
  }

  it('prints like the letters: A4, every character inside the type area on every page, numbered pages', async () => {
    const kinds = ['inquiry', 'supervision', 'rectification'] as const;
    const files = await Promise.all(
      kinds.map(async (kind) => {
        const docx = path.join(work.dir, `${kind}.docx`);
        fs.writeFileSync(docx, await renderOfficialDocument(buildNotice(notice(kind))));
        return docx;
      }),
    );
    const pdfs = await renderPdfs(files, work.dir);
    savePng(pdfs[0]!, 1, path.join(repoRoot, 'test-results', 'documents', 'inquiry-p1.png'));
    savePng(pdfs[0]!, 2, path.join(repoRoot, 'test-results', 'documents', 'inquiry-p2.png'));
    savePng(pdfs[0]!, 3, path.join(repoRoot, 'test-results', 'documents', 'inquiry-p3.png'));
    kinds.forEach((kind, i) => {
      const layout = pdfWords(pdfs[i]!);
      // what the office entered is on the printed page: the item's lead and partners, the responsible leader
      const printed = layout.words.map((w) => w.text).join('');
      for (const seen of ['刘𠇔', '县财政局', '2026年10月16日', '李红同志', '贵办《关于示例县发展和改革局的'])
        expect(printed, `${kind}: ${seen}`).toContain(seen);
      expect(layout.pages.length, kind).toBeGreaterThanOrEqual(2);
      for (const p of layout.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
      expect(outsideTypeArea(layout), kind).toEqual([]);
      expect(linesStartingWithClosingMark(layout), kind).toEqual([]);
      expect(numberingProblems(layout), kind).toEqual([]);
    });
  }, 180_000);
});
