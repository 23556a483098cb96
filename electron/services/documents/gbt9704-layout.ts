import { AlignmentType, BorderStyle, LineRuleType } from 'docx';
import { type Block, DEMO_MARK, type OfficialDocument } from '../../core';

import { CHAR, FONTS, ISSUER_SIZE, LINE_PITCH, RED, TITLE_SIZE, TYPE_AREA } from './gbt9704-numbers';

import { closing, closingPitch, keepsWithClosing } from './gbt9704-closing';
import { colophonLines, sectionEnd } from './gbt9704-colophon';
import { type BlockNode, type ParagraphNode, type SectionNode, pageBreak, paragraph } from './gbt9704-nodes';
import { blank, exact, flow, run, runs } from './gbt9704-runs';
import { parties, table } from './gbt9704-tables';

/** The layout of a GB/T 9704 document (see DOCUMENTS.md): what each of its paragraphs and tables is. */

type BlockOptions = { pitch?: number; last?: boolean };

/** A block of the text; `pitch` closes up a one-page document's lines, `last` keeps its last lines with the 落款. */
function bodyBlock(b: Block, o: BlockOptions = {}): BlockNode {
  if (b.kind === 'table') return table(b, { keepWithNext: o.last });
  if (b.kind === 'parties') return parties(b);
  const pitch = o.pitch ?? LINE_PITCH;
  return paragraph(
    {
      ...flow,
      ...(o.last ? keepsWithClosing : {}),
      // a heading never stands alone at the foot of a page: it goes over with what it heads
      ...(b.kind !== 'p' ? { keepNext: true, keepLines: true } : {}),
      spacing: exact(pitch),
      indent: { firstLine: 2 * CHAR },
      ...(b.kind === 'p' ? { alignment: AlignmentType.JUSTIFIED } : {}),
    },
    runs(b.text, b.kind === 'h1' ? { font: FONTS.heiti } : b.kind === 'h2' ? { font: FONTS.kaiti } : {}),
    pitch !== LINE_PITCH,
  );
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

function head(doc: OfficialDocument): ParagraphNode[] {
  const issuer = issuerOf(doc);
  const issuerSize = issuerSizeOf(issuer);
  // demonstration data says so on the first line at the left, where 份号 would stand; the 标志 stays where it was
  const mark = doc.demo ? [paragraph({ spacing: exact() }, [run(DEMO_MARK, { font: FONTS.heiti, color: RED })])] : [];
  const out: ParagraphNode[] = [
    ...mark,
    // the 标志's top edge 35 mm below the type area's top
    paragraph(
      {
        alignment: AlignmentType.CENTER,
        spacing: {
          before: ISSUER_TOP - issuerSize * 2 - (doc.demo ? LINE_PITCH : 0),
          after: 0,
          line: issuerSize * 12,
          lineRule: LineRuleType.EXACT,
        },
      },
      [run(issuer, { font: FONTS.xiaobiaosong, size: issuerSize, color: RED, grid: false })],
      true,
    ),
    blank(),
    blank(),
  ];
  if (doc.number) out.push(paragraph({ alignment: AlignmentType.CENTER, spacing: exact() }, [run(doc.number)]));
  // the red rule, 4 mm below the number, across the type area
  out.push(
    paragraph(
      {
        spacing: { before: 0, after: 0, line: RULE_GAP, lineRule: LineRuleType.EXACT },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 0 } },
      },
      [run('', { size: 2 })],
      true,
    ),
    blank(),
    blank(),
  );
  return out;
}

function titleLines(title: string): ParagraphNode[] {
  return title
    .split('\n')
    .map((line) =>
      paragraph(
        { alignment: AlignmentType.CENTER, spacing: exact(TITLE_PITCH) },
        [run(line, { font: FONTS.xiaobiaosong, size: TITLE_SIZE, grid: false })],
        true,
      ),
    );
}

function documentChildren(doc: OfficialDocument): BlockNode[] {
  const children: BlockNode[] = [...head(doc), ...titleLines(doc.title), blank()];
  const pitch = closingPitch(doc, headHeight(doc));
  const line = (text: string) => paragraph({ spacing: exact(pitch) }, runs(text), pitch !== LINE_PITCH);
  if (doc.recipients) children.push(line(`${doc.recipients}：`));
  children.push(...doc.body.map((b, i) => bodyBlock(b, { pitch, last: i === doc.body.length - 1 })));
  children.push(...closing(doc, pitch));
  doc.attachments.forEach((a, i) => {
    children.push(
      paragraph({ spacing: exact() }, [
        pageBreak(),
        run(doc.attachments.length > 1 ? `附件${i + 1}` : '附件', { font: FONTS.heiti }),
      ]),
      blank(),
      ...titleLines(a.title),
      blank(),
      ...a.body.map((b) => bodyBlock(b)),
    );
  });
  children.push(sectionEnd());
  return children;
}

/**
 * One document's sections. Its text begins on the next odd page (a right-hand page, in a bound volume after a blank
 * even one where needed) and numbers its pages from 1; its 版记 follows in a section of its own on the next even
 * page (see gbt9704-frame.ts for the sections' page setup). Nothing here depends on the other documents of a volume.
 */
export function documentSections(doc: OfficialDocument): SectionNode[] {
  const text: SectionNode = { kind: 'text', children: documentChildren(doc) };
  if (!doc.colophon) return [text];
  return [text, { kind: 'colophon', children: colophonLines(doc.colophon) }];
}
