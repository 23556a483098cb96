import { Document, DocumentGridType, LineRuleType, OnOffElement, SectionType } from 'docx';

import { BODY_SIZE, FONTS, LINE_PITCH, MARGIN, PAGE } from './gbt9704-numbers';
import { colophonSection, pageNumberFooter } from './gbt9704-colophon';
import { type Frame } from './gbt9704-nodes';

/** What every GB/T 9704 file has alike: its styles and settings, and the page setup of its two kinds of section. */

const page = {
  size: { width: PAGE.width, height: PAGE.height },
  margin: {
    top: MARGIN.top,
    left: MARGIN.left,
    bottom: MARGIN.bottom,
    right: MARGIN.right,
    footer: MARGIN.bottom - Math.round((7 / 25.4) * 1440) - 280,
    header: 851,
  },
};
const grid = { linePitch: LINE_PITCH, type: DocumentGridType.LINES };

type Node = { rootKey?: string; root?: unknown };
const child = (parent: Node, key: string): Node => {
  const found = (parent.root as Node[]).find((el) => el.rootKey === key);
  if (!found) throw new Error(`docx: no ${key} under ${parent.rootKey}`);
  return found;
};

/**
 * Every character stays inside the 版心: in the document defaults, w:kinsoku on (no line starts with ，。）” or
 * ends with （“ — the character before moves down with the mark) and w:overflowPunct off. Omitted, overflowPunct
 * is on (ECMA-376 §17.3.1.21), and Word and WPS then hang a line's closing comma or full stop in the right margin.
 * The docx package writes overflowPunct only when it is true, so both go into the defaults' w:pPr here, before
 * w:spacing as CT_PPrBase orders them. (LibreOffice reads overflowPunct inverted and hangs with "false": see
 * asWordReadsIt in tests/support/docx.ts.)
 */
function keepPunctuationInside(document: Document): Document {
  const pPr = child(child(child(document.Styles as unknown as Node, 'w:docDefaults'), 'w:pPrDefault'), 'w:pPr');
  const props = pPr.root as unknown[];
  const at = props.findIndex((el) => (el as Node).rootKey === 'w:spacing');
  props.splice(
    at < 0 ? props.length : at,
    0,
    new OnOffElement('w:kinsoku', true),
    new OnOffElement('w:overflowPunct', false),
  );
  return document;
}

/**
 * The 公文's frame. A document's text ('text') begins on the next odd page and numbers its pages from 1, “— N —” on
 * the outer side; its 版记 ('colophon') on the next even page, without a number (its footers are given, empty, since
 * Word would otherwise repeat the previous section's). Both are section types Word, WPS and LibreOffice paginate
 * alike: nothing here counts pages.
 */
export const gbt9704Frame: Frame = {
  id: 'gbt9704',
  document: (title, sections) =>
    keepPunctuationInside(
      new Document({
        creator: '考评',
        title,
        evenAndOddHeaderAndFooters: true,
        // with a character grid, the grid is never exceeded for a hanging mark either (Word's compatibility option)
        compatibility: { doNotWrapTextWithPunctuation: true },
        styles: {
          default: {
            document: {
              // zh-CN: Word and WPS apply the Chinese line-start and line-end rules whatever the PC's language
              run: {
                font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.fangsong },
                size: BODY_SIZE,
                language: { eastAsia: 'zh-CN' },
              },
              paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT } },
            },
          },
        },
        sections,
      }),
    ),
  section(kind) {
    if (kind === 'text')
      return {
        properties: { type: SectionType.ODD_PAGE, page: { ...page, pageNumbers: { start: 1 } }, grid },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
      };
    if (kind === 'colophon') {
      const c = colophonSection();
      return { ...c, properties: { ...c.properties, page, grid } };
    }
    throw new Error(`no section of kind ${kind}`);
  },
};
