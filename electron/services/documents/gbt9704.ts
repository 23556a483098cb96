import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { type Block, type OfficialDocument, attachmentLines, chineseDate } from '../../core';
import { BODY_CHAR_SPACING, BODY_SIZE, CHAR, FONTS, ISSUER_SIZE, LINE_PITCH, MARGIN, PAGE, RED, SMALL_SIZE, TITLE_SIZE, TYPE_AREA } from './gbt9704-numbers';

type Font = (typeof FONTS)[keyof typeof FONTS];

function run(text: string, o: { font?: Font; size?: number; color?: string; bold?: boolean; grid?: boolean } = {}): TextRun {
  const eastAsia = o.font ?? FONTS.fangsong;
  return new TextRun({
    text,
    font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia },
    size: o.size ?? BODY_SIZE,
    color: o.color,
    bold: o.bold,
    // 28 characters of 16 pt fill 156 mm only when each gives up about 0.2 pt
    ...((o.size ?? BODY_SIZE) === BODY_SIZE ? { characterSpacing: BODY_CHAR_SPACING } : {}),
    // large titles are kept off the character grid so it does not spread them
    ...(o.grid === false ? { snapToGrid: false } : {}),
  });
}

const exact = (line = LINE_PITCH) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** Body paragraphs may break anywhere: a page of text holds its full 22 lines (no widow/orphan control). */
const flow = { widowControl: false } as const;
const blank = () => new Paragraph({ spacing: exact(), children: [run('')] });

function bodyBlock(b: Block): Paragraph | Table {
  switch (b.kind) {
    case 'p':
      return new Paragraph({ ...flow, spacing: exact(), indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED, children: [run(b.text)] });
    case 'h1':
      return new Paragraph({ ...flow, spacing: exact(), indent: { firstLine: 2 * CHAR }, children: [run(b.text, { font: FONTS.heiti })] });
    case 'h2':
      return new Paragraph({ ...flow, spacing: exact(), indent: { firstLine: 2 * CHAR }, children: [run(b.text, { font: FONTS.kaiti })] });
    case 'h3':
      return new Paragraph({ ...flow, spacing: exact(), indent: { firstLine: 2 * CHAR }, children: [run(b.text)] });
    case 'table':
      return table(b);
  }
}

/** A table across the type area: the header row repeats on every page and no row splits. */
function table(b: Extract<Block, { kind: 'table' }>): Table {
  const total = b.widths.reduce((a, x) => a + x, 0);
  const widths = b.widths.map((w) => Math.floor((w / total) * TYPE_AREA.width));
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80 },
      children: text
        .split('\n')
        .map((line) => new Paragraph({ alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { line: 360, lineRule: LineRuleType.AT_LEAST }, children: [run(line, { size: SMALL_SIZE, font: head ? FONTS.heiti : FONTS.fangsong })] })),
    });
  return new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // "— N —", 4号半角宋体, one character in from the outer edge, 7 mm below the type area
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR } : { left: CHAR },
        children: [run('— ', { font: FONTS.songti, size: SMALL_SIZE }), new TextRun({ children: [PageNumber.CURRENT], font: { ascii: FONTS.songti, hAnsi: FONTS.songti, eastAsia: FONTS.songti }, size: SMALL_SIZE }), run(' —', { font: FONTS.songti, size: SMALL_SIZE })],
      }),
    ],
  });
}

function head(doc: OfficialDocument): Paragraph[] {
  const issuer = doc.issuers.join('　') + (doc.withWenjian ? '文件' : '');
  // 小初 36 pt when it fits; a long name is set smaller so that it stays on one line
  const issuerSize = Math.min(ISSUER_SIZE, Math.floor(((TYPE_AREA.width / 20) * 2) / [...issuer].length));
  const out: Paragraph[] = [
    // the 标志's top edge 35 mm below the type area's top
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: Math.round((35 / 25.4) * 1440) - issuerSize * 2, after: 0, line: issuerSize * 12, lineRule: LineRuleType.EXACT },
      children: [run(issuer, { font: FONTS.xiaobiaosong, size: issuerSize, color: RED, grid: false })],
    }),
    blank(),
    blank(),
  ];
  if (doc.number) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), children: [run(doc.number)] }));
  // the red rule, 4 mm below the number, across the type area
  out.push(
    new Paragraph({
      spacing: { before: 0, after: 0, line: Math.round((4 / 25.4) * 1440), lineRule: LineRuleType.EXACT },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 0 } },
      children: [run('', { size: 2 })],
    }),
    blank(),
    blank(),
  );
  return out;
}

function titleLines(title: string): Paragraph[] {
  return title.split('\n').map((line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(700), children: [run(line, { font: FONTS.xiaobiaosong, size: TITLE_SIZE, grid: false })] }));
}

function signatureBlock(doc: OfficialDocument): Paragraph[] {
  return [
    blank(),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR }, spacing: exact(), children: [run(doc.signature.org)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, spacing: exact(), children: [run(chineseDate(doc.signature.date))] }),
    ...(doc.note ? [new Paragraph({ indent: { firstLine: 2 * CHAR }, spacing: exact(), children: [run(`（${doc.note}）`)] })] : []),
  ];
}

function colophon(c: NonNullable<OfficialDocument['colophon']>): Table {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const; // 0.35 mm ≈ 1 pt
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const; // 0.25 mm ≈ 0.75 pt
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const row = (children: ParagraphChild[], top: typeof thick | typeof thin, bottom: typeof thick | typeof thin, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          width: { size: TYPE_AREA.width, type: WidthType.DXA },
          borders: { top, bottom, left: none, right: none },
          margins: { left: CHAR, right: CHAR },
          children: [new Paragraph({ alignment: align, spacing: exact(), children })],
        }),
      ],
    });
  const rows: TableRow[] = [];
  if (c.copyTo) rows.push(row([run(`抄送：${c.copyTo}。`, { size: SMALL_SIZE })], thick, thin, AlignmentType.LEFT));
  rows.push(
    row(
      [run(c.printer, { size: SMALL_SIZE }), run('\t', { size: SMALL_SIZE }), run(`${chineseDate(c.printDate)}印发`, { size: SMALL_SIZE })],
      c.copyTo ? thin : thick,
      thick,
      AlignmentType.DISTRIBUTE,
    ),
  );
  return new Table({ width: { size: TYPE_AREA.width, type: WidthType.DXA }, columnWidths: [TYPE_AREA.width], layout: TableLayoutType.FIXED, rows });
}

/** Builds the .docx of an official document following GB/T 9704-2012 (see DOCUMENTS.md). */
export async function renderOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [...head(doc), ...titleLines(doc.title), blank()];
  if (doc.recipients) children.push(new Paragraph({ spacing: exact(), children: [run(`${doc.recipients}：`)] }));
  children.push(...doc.body.map(bodyBlock));
  const notes = attachmentLines(doc.attachmentNames);
  if (notes.length) {
    children.push(blank());
    for (const line of notes) children.push(new Paragraph({ spacing: exact(), indent: { left: 2 * CHAR }, children: [run(line)] }));
  }
  children.push(...signatureBlock(doc));
  doc.attachments.forEach((a, i) => {
    children.push(
      new Paragraph({ spacing: exact(), children: [new PageBreak(), run(doc.attachments.length > 1 ? `附件${i + 1}` : '附件', { font: FONTS.heiti })] }),
      blank(),
      ...titleLines(a.title),
      blank(),
      ...a.body.map(bodyBlock),
    );
  });
  if (doc.colophon) children.push(blank(), colophon(doc.colophon));

  const document = new Document({
    creator: '考评',
    title: doc.title.replace(/\n/g, ''),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.fangsong }, size: BODY_SIZE },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN.top, left: MARGIN.left, bottom: MARGIN.bottom, right: MARGIN.right, footer: MARGIN.bottom - Math.round((7 / 25.4) * 1440) - 280, header: 851 },
          },
          grid: { linePitch: LINE_PITCH, type: DocumentGridType.LINES },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
