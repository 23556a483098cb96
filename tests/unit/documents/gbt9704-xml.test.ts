import { describe, expect, it } from 'vitest';
import { attachmentLines, chineseDate, formatDocNumber } from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import { docxParts } from '../../support/docx';
import { sampleNotice } from '../../support/sample-document';

describe('document model helpers', () => {
  it('formats the number with 〔〕, no 第 and no leading zeros, and the date without zero padding', () => {
    expect(formatDocNumber('示考评', 2026, 7)).toBe('示考评〔2026〕7号');
    expect(() => formatDocNumber('示考评', 2026, 0)).toThrow();
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(attachmentLines(['甲表。', '乙表'])).toEqual(['附件：1. 甲表', '　　　2. 乙表']);
  });
});

describe('the .docx carries the GB/T 9704 numbers', async () => {
  const parts = await docxParts(await renderOfficialDocument(sampleNotice()));
  const doc = parts.get('word/document.xml')!;
  const styles = parts.get('word/styles.xml')!;
  const settings = parts.get('word/settings.xml')!;

  it('A4 paper, 37/28/35/26 mm margins, 22 lines of 579 twips', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    expect(doc).toMatch(/<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/);
    expect(doc).toMatch(/<w:widowControl w:val="false"\/>/);
  });

  it('三号仿宋_GB2312 by eastAsia name, Times New Roman for Latin, condensed to 28 a line', () => {
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"\/>/);
    expect(styles).toMatch(/<w:sz w:val="32"\/>/);
    expect(doc).toMatch(/<w:spacing w:val="-5"\/>/);
  });

  it(
    'keeps punctuation inside the type area: kinsoku on and no hanging punctuation for every paragraph, in ' +
      'Chinese',
    () => {
      // the document defaults, which no paragraph or style overrides
      expect(styles).toMatch(
        new RegExp(
          '<w:pPrDefault><w:pPr><w:kinsoku/><w:overflowPunct w:val="false"/>' +
            '<w:spacing w:line="579" w:lineRule="exact"/></w:pPr></w:pPrDefault>',
        ),
      );
      expect(styles).toMatch(/<w:rPrDefault><w:rPr>[^]*<w:lang w:eastAsia="zh-CN"\/><\/w:rPr><\/w:rPrDefault>/);
      for (const part of [...parts.entries()].filter(([n]) => /^word\/(document|styles|footer\d+)\.xml$/.test(n))) {
        expect(part[1].match(/<w:(overflowPunct|kinsoku)\b[^>]*>/g) ?? [], part[0]).toEqual(
          part[0] === 'word/styles.xml' ? ['<w:kinsoku/>', '<w:overflowPunct w:val="false"/>'] : [],
        );
      }
      expect(settings).toMatch(
        /<w:compat><w:doNotWrapTextWithPunct\/><w:compatSetting w:val="15" w:name="compatibilityMode"/,
      );
    },
  );

  it('names the official fonts: 方正小标宋简体 for the 标志 and title, 黑体 and 楷体_GB2312 for headings', () => {
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc).toContain('w:eastAsia="黑体"');
    expect(doc).toContain('w:eastAsia="楷体_GB2312"');
  });

  it('prints the 标志 in red and draws the red rule', () => {
    expect(doc).toMatch(/<w:color w:val="FF0000"\/>[\s\S]{0,200}示例县人民政府目标考评办公室文件/);
    expect(doc).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="0"\/>/);
  });

  it('has the number, the 主送 with a full-width colon, 附件说明, the date, 附注 and 版记', () => {
    expect(doc).toContain('示考评〔2026〕7号');
    expect(doc).toContain('各乡镇人民政府，县直各部门：');
    expect(doc).toContain('附件：2026年度目标管理考核责任书');
    expect(doc).toContain('2026年3月5日');
    expect(doc).toContain('（联系人：王某，电话：0000-1234567）');
    expect(doc).toContain('抄送：县委办公室，县人大常委会办公室。');
    expect(doc).toContain('2026年3月5日印发');
  });

  it('numbers pages "— N —" with different odd and even footers', () => {
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    const all = [...parts.entries()].filter(([n]) => /word\/footer\d+\.xml/.test(n)).map(([, x]) => x);
    // the text's odd and even footers, and the 版记 page's two empty ones
    const footers = all.filter((f) => f.includes('PAGE'));
    expect(footers).toHaveLength(2);
    expect(all.filter((f) => !/<w:t[ >]/.test(f))).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
      expect(f).toMatch(/<w:sz w:val="28"\/>/);
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('starts the text on an odd page at 1 and the 版记 on the next even page', () => {
    const sects = doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
    expect(sects).toHaveLength(2);
    expect(sects[0]).toMatch(/<w:type w:val="oddPage"\/>[\s\S]*<w:pgNumType w:start="1"\/>/);
    expect(sects[1]).toMatch(/<w:type w:val="evenPage"\/>/);
    expect(sects[1]).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // no frame: LibreOffice draws one that ends a section on the next section's first page
    expect(doc).not.toContain('w:framePr');
  });

  it('repeats the table header on every page and never splits a row', () => {
    expect(doc).toMatch(/<w:tblHeader\/>/);
    expect((doc.match(/<w:cantSplit\/>/g) ?? []).length).toBeGreaterThanOrEqual(31);
  });
});
