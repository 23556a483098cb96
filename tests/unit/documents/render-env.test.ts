import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OfficialDocument } from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import {
  FONTS_CONF,
  outsideTypeArea,
  linesStartingWithClosingMark,
  pdfWords,
  renderEnvironment,
  renderPdf,
  TYPE_AREA_X,
} from '../../support/docx';
import { repoRoot, tempDir } from '../../support/tmp';

// What the document rendering tests ran with, written where CI keeps test output, and LibreOffice's reading of
// w:overflowPunct, which tests/support/docx.ts corrects for.
const work = tempDir('kaoping-render-env-');
afterAll(() => work.cleanup());
const report = path.join(repoRoot, 'test-results', 'documents', 'render-env.txt');

/** A body paragraph whose 27th character, a comma, is one past the first line (26 characters after the indent). */
function probe(): OfficialDocument {
  return {
    issuers: ['示例县人民政府目标考评办公室'],
    withWenjian: false,
    number: null,
    title: '标点不出版心',
    recipients: null,
    body: [{ kind: 'p', text: `${'目标'.repeat(13)}，考核结果在年底公布。` }],
    attachmentNames: [],
    signature: { org: '示例县人民政府目标考评办公室', date: '2026-03-05' },
    note: null,
    attachments: [],
    colophon: null,
  };
}

describe('the rendering environment', () => {
  let lines: string[] = [];

  it('has LibreOffice, poppler and the Noto CJK fonts, with every official font mapped to Noto CJK', () => {
    const env = renderEnvironment();
    const fcList = execFileSync(
      'fc-list',
      ['-f', '%{file}:%{index}\t%{family[0]}\t%{style[0]}\t%{fontversion}\n', ':lang=zh-cn'],
      { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF } },
    )
      .trim()
      .split('\n')
      .filter((l) => / SC\t/.test(l))
      .map((l) => l.replace(/\t(\d+)$/, (_, v: string) => `\t${(Number(v) / 65536).toFixed(3)}`))
      .sort();
    lines = [
      `rendered on ${new Date().toISOString()}`,
      `LibreOffice: ${env.soffice}`,
      `packages:\n  ${env.packages.split('\n').join('\n  ') || '(dpkg not available)'}`,
      `fontconfig: ${FONTS_CONF}`,
      'fc-match (family the documents name → font, version):',
      ...env.fonts.map((f) => `  ${f.family} → ${f.face} (${f.file}) ${f.version}`),
      'fc-list (Noto CJK SC faces fonts.conf allows):',
      ...fcList.map((l) => `  ${l}`),
    ];
    expect(env.fonts.find((f) => f.family === '仿宋_GB2312')!.face).toBe('Noto Serif CJK SC');
    expect(env.fonts.find((f) => f.family === '黑体')!.face).toBe('Noto Sans CJK SC');
    expect(env.fonts.find((f) => f.family === 'Times New Roman')!.face).toBe('Noto Serif CJK SC');
  });

  it(
    'LibreOffice still reads w:overflowPunct inverted; handed the file as Word reads it, it keeps the comma ' +
      'inside',
    async () => {
      const docx = path.join(work.dir, 'probe.docx');
      fs.writeFileSync(docx, await renderOfficialDocument(probe()));
      const raw = pdfWords(await renderPdf(docx, path.join(work.dir, 'raw'), { raw: true }));
      const word = pdfWords(await renderPdf(docx, path.join(work.dir, 'word')));
      const rawComma = raw.words.find((w) => w.text.endsWith('，'))!;
      const inverted = rawComma.xMax > TYPE_AREA_X.to;
      lines.push(
        `LibreOffice reads <w:overflowPunct w:val="false"/> as “hang ` +
          `punctuation”:
            ${inverted ? `yes (the file as written hangs the comma to x ${rawComma.xMax.toFixed(1)} pt)` : 'no'}`,
      );
      expect(
        inverted,
        'LibreOffice now reads w:overflowPunct as ECMA-376 says: remove asWordReadsIt from tests/support/docx.ts',
      ).toBe(true);
      expect(outsideTypeArea(word)).toEqual([]);
      expect(linesStartingWithClosingMark(word)).toEqual([]);
      expect(word.words.map((w) => w.text).join('')).toContain('目标，考核结果');
    },
    180_000,
  );

  afterAll(() => {
    fs.mkdirSync(path.dirname(report), { recursive: true });
    fs.writeFileSync(report, `${lines.join('\n')}\n`);
    console.log(`document rendering environment (${path.relative(repoRoot, report)}):\n${lines.join('\n')}`);
  });
});
