import { AlignmentType, BorderStyle, Footer, Paragraph, PageNumber, SectionType, TabStopType, TextRun } from 'docx';
import { type OfficialDocument, chineseDate } from '../../core';

import { CHAR, FONTS, LINE_PITCH, SMALL_SIZE, TYPE_AREA } from './gbt9704-numbers';
import { emWidth } from './gbt9704-measure';
import { type ParagraphNode, type RunNode, paragraph } from './gbt9704-nodes';
import { exact, run, runs } from './gbt9704-runs';

/** The page furniture of a GB/T 9704 document: page numbers and the 版记 on its own last even page. */

/** The footers are written by the docx package alone (they are among the parts made once: see gbt9704-package.ts). */
const docxRun = (text: string) => {
  const r = run(text, { font: FONTS.songti, size: SMALL_SIZE });
  return new TextRun({ ...(r as Extract<RunNode, { kind: 'run' }>).o, text });
};

export function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // "— N —", 4号半角宋体, one character in from the outer edge, 7 mm below the type area
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR } : { left: CHAR },
        children: [
          docxRun('— '),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: { ascii: FONTS.songti, hAnsi: FONTS.songti, eastAsia: FONTS.songti },
            size: SMALL_SIZE,
          }),
          docxRun(' —'),
        ],
      }),
    ],
  });
}

type Rule = { style: typeof BorderStyle.SINGLE; size: number; color: string; space: number };
const thick: Rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 }; // 0.35 mm ≈ 1 pt
const thin: Rule = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 }; // 0.25 mm ≈ 0.75 pt
/** What a rule adds to its paragraph's height, in twips: its width (eighths of a point) and its distance (points). */
/** An ideographic space: one character of indent that the rules, unlike a paragraph indent, do not follow. */
const IDEO = '\u3000';
const ruleHeight = (r: Rule) => Math.ceil((r.size * 20) / 8) + r.space * 20;

/**
 * 版记: 抄送 and 印发机关/印发日期 between a thick first and last rule and a thin rule between them, at the foot of
 * the type area. It has its page to itself, so a spacer of exact height fills the type area above it: plain
 * paragraphs, read alike by Word, WPS and LibreOffice. (A frame pinned to the bottom margin was not: LibreOffice
 * draws a framed paragraph that ends a section on the next section's first page, and a frame of two paragraphs at
 * the top of the page.)
 */
export function colophonLines(c: NonNullable<OfficialDocument['colophon']>): ParagraphNode[] {
  // the rules span the type area; the text keeps one character off either side (a leading space, a tab stop)
  const lines: { text: string; children: RunNode[]; border: { top?: Rule; bottom: Rule } }[] = [];
  const small = (text: string) => runs(text, { size: SMALL_SIZE });
  if (c.copyTo) {
    const text = `${IDEO}抄送：${c.copyTo}。`;
    lines.push({ text, children: small(text), border: { top: thick, bottom: thin } });
  }
  const printed = `${chineseDate(c.printDate)}印发`;
  lines.push({
    text: `${IDEO}${c.printer}${IDEO}${printed}`,
    children: [...small(`${IDEO}${c.printer}`), run('\t', { size: SMALL_SIZE }), run(printed, { size: SMALL_SIZE })],
    border: c.copyTo ? { bottom: thick } : { top: thick, bottom: thick },
  });
  // a long 抄送 wraps: 四号 characters a line across the type area, a Latin letter or digit counted as half
  const perLine = Math.floor((TYPE_AREA.width - CHAR) / (SMALL_SIZE * 10));
  const height = (t: string) => Math.max(1, Math.ceil(emWidth(t) / perLine)) * LINE_PITCH;
  const used = lines.reduce(
    (a, l) => a + height(l.text) + ruleHeight(l.border.bottom) + (l.border.top ? ruleHeight(l.border.top) : 0),
    0,
  );
  // two points short of the type area's height, so that no renderer's rounding pushes the last line over
  const spacer = paragraph({ spacing: exact(TYPE_AREA.height - used - 40) }, [run('', { size: 2 })], true);
  return [
    spacer,
    ...lines.map((l) =>
      paragraph(
        {
          spacing: exact(),
          border: l.border,
          tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width - CHAR }],
        },
        l.children,
      ),
    ),
  ];
}

const emptyFooter = () => new Footer({ children: [new Paragraph({ children: [] })] });

/**
 * The 版记's own section: it begins on the next even page (封四, the back of the document's last sheet; Word, WPS
 * and LibreOffice insert a blank odd page when the text ends on an even one). No page number on it (DOCUMENTS.md);
 * its footers are given, empty, since Word would otherwise repeat the previous section's.
 */
export function colophonSection() {
  // the 版记's last line (colophonLines) carries the section break: no frame, nothing after it on the page
  return {
    properties: { type: SectionType.EVEN_PAGE },
    footers: { default: emptyFooter(), even: emptyFooter() },
  };
}

/**
 * The paragraph that ends a document's text and carries its section break: one twip high, so that it never needs a
 * page of its own after a table that fills one (an empty paragraph of body height can).
 */
export const sectionEnd = (): ParagraphNode => paragraph({ spacing: exact(20) }, [run('', { size: 2 })], true);
