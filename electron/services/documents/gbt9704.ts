import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  LineRuleType,
  Packer,
  PageBreak,
  OnOffElement,
  Paragraph,
  SectionType,
  type Table,
} from 'docx';
import { type Block, type OfficialDocument } from '../../core';

import {
  BODY_SIZE,
  CHAR,
  FONTS,
  ISSUER_SIZE,
  LINE_PITCH,
  MARGIN,
  PAGE,
  RED,
  TITLE_SIZE,
  TYPE_AREA,
} from './gbt9704-numbers';

import { closing, closingPitch, keepsWithClosing } from './gbt9704-closing';
import { colophonSection, pageNumberFooter, sectionEnd } from './gbt9704-colophon';

import { blank, exact, flow, offGrid, run, runs } from './gbt9704-runs';
import { parties, table } from './gbt9704-tables';

type BlockOptions = { pitch?: number; last?: boolean };

/** A block of the text; `pitch` closes up a one-page document's lines, `last` keeps its last lines with the 落款. */
function bodyBlock(b: Block, o: BlockOptions = {}): Paragraph | Table {
  if (b.kind === 'table') return table(b, { keepWithNext: o.last });
  if (b.kind === 'parties') return parties(b);
  const pitch = o.pitch ?? LINE_PITCH;
  const p = new Paragraph({
    ...flow,
    ...(o.last ? keepsWithClosing : {}),
    // a heading never stands alone at the foot of a page: it goes over with what it heads
    ...(b.kind !== 'p' ? { keepNext: true, keepLines: true } : {}),
    spacing: exact(pitch),
    indent: { firstLine: 2 * CHAR },
    ...(b.kind === 'p' ? { alignment: AlignmentType.JUSTIFIED } : {}),
    children: runs(b.text, b.kind === 'h1' ? { font: FONTS.heiti } : b.kind === 'h2' ? { font: FONTS.kaiti } : {}),
  });
  return pitch === LINE_PITCH ? p : offGrid(p);
}

const ISSUER_TOP = Math.round((35 / 25.4) * 1440);
const RULE_GAP = Math.round((4 / 25.4) * 1440);
const TITLE_PITCH = 700;
const issuerOf = (doc: OfficialDocument) => doc.issuers.join('　') + (doc.withWenjian ? '文件' : '');
// 小初 36 pt when it fits; a long name is set smaller so that it stays on one line
const issuerSizeOf = (issuer: string) =>
  Math.min(ISSUER_SIZE, Math.floor(((TYPE_AREA.width / 20) * 2) / [...issuer].length));

/**
 * The height of the first page above the 主送: letterhead, title and the blank line below it. Each of these lines is
 * off the grid, so Word, WPS and LibreOffice all give it exactly this.
 */
function headHeight(doc: OfficialDocument): number {
  const size = issuerSizeOf(issuerOf(doc));
  const title = doc.title.split('\n').length * TITLE_PITCH;
  return (
    ISSUER_TOP -
    size * 2 +
    size * 12 +
    2 * LINE_PITCH +
    (doc.number ? LINE_PITCH : 0) +
    RULE_GAP +
    3 * LINE_PITCH +
    title
  );
}

function head(doc: OfficialDocument): Paragraph[] {
  const issuer = issuerOf(doc);
  const issuerSize = issuerSizeOf(issuer);
  const out: Paragraph[] = [
    // the 标志's top edge 35 mm below the type area's top
    offGrid(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: {
          before: ISSUER_TOP - issuerSize * 2,
          after: 0,
          line: issuerSize * 12,
          lineRule: LineRuleType.EXACT,
        },
        children: [run(issuer, { font: FONTS.xiaobiaosong, size: issuerSize, color: RED, grid: false })],
      }),
    ),
    blank(),
    blank(),
  ];
  if (doc.number)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), children: [run(doc.number)] }));
  // the red rule, 4 mm below the number, across the type area
  out.push(
    offGrid(
      new Paragraph({
        spacing: { before: 0, after: 0, line: RULE_GAP, lineRule: LineRuleType.EXACT },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 0 } },
        children: [run('', { size: 2 })],
      }),
    ),
    blank(),
    blank(),
  );
  return out;
}

function titleLines(title: string): Paragraph[] {
  return title.split('\n').map((line) =>
    offGrid(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(TITLE_PITCH),
        children: [run(line, { font: FONTS.xiaobiaosong, size: TITLE_SIZE, grid: false })],
      }),
    ),
  );
}

function documentChildren(doc: OfficialDocument): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [...head(doc), ...titleLines(doc.title), blank()];
  const pitch = closingPitch(doc, headHeight(doc));
  const line = (text: string) => {
    const p = new Paragraph({ spacing: exact(pitch), children: runs(text) });
    return pitch === LINE_PITCH ? p : offGrid(p);
  };
  if (doc.recipients) children.push(line(`${doc.recipients}：`));
  children.push(...doc.body.map((b, i) => bodyBlock(b, { pitch, last: i === doc.body.length - 1 })));
  children.push(...closing(doc, pitch));
  doc.attachments.forEach((a, i) => {
    children.push(
      new Paragraph({
        spacing: exact(),
        children: [new PageBreak(), run(doc.attachments.length > 1 ? `附件${i + 1}` : '附件', { font: FONTS.heiti })],
      }),
      blank(),
      ...titleLines(a.title),
      blank(),
      ...a.body.map((b) => bodyBlock(b)),
    );
  });
  children.push(sectionEnd());
  return children;
}

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

/**
 * One document's sections. Its text begins on the next odd page (a right-hand page, in a bound volume after a blank
 * even one where needed) and numbers its pages from 1; its 版记 follows in a section of its own on the next even
 * page. Both are section types Word, WPS and LibreOffice paginate alike: nothing here counts pages.
 */
function sections(doc: OfficialDocument) {
  const text = {
    properties: { type: SectionType.ODD_PAGE, page: { ...page, pageNumbers: { start: 1 } }, grid },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children: documentChildren(doc),
  };
  if (!doc.colophon) return [text];
  const c = colophonSection(doc.colophon);
  return [text, { ...c, properties: { ...c.properties, page, grid } }];
}

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

function pack(title: string, docs: OfficialDocument[]): Promise<Buffer> {
  const document = new Document({
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
    sections: docs.flatMap(sections),
  });
  return Packer.toBuffer(keepPunctuationInside(document)).then((b) => Buffer.from(b));
}

/** Builds the .docx of an official document following GB/T 9704-2012 (see DOCUMENTS.md). */
export function renderOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  return pack(doc.title.replace(/\n/g, ''), [doc]);
}

/** Several documents in one file for printing, each in its own section starting on a new page at “— 1 —”. */
export function renderCombined(title: string, docs: OfficialDocument[]): Promise<Buffer> {
  if (docs.length === 0) throw new Error('nothing to combine');
  return pack(title, docs);
}
