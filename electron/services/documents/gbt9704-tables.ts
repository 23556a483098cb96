import { AlignmentType, BorderStyle, LineRuleType, TableLayoutType, VerticalAlignTable, WidthType } from 'docx';
import { type Block } from '../../core';

import { FONTS, SMALL_SIZE, TABLE_SMALL_SIZE, TYPE_AREA } from './gbt9704-numbers';

import { emWidth } from './gbt9704-measure';
import { type CellNode, type TableNode, paragraph } from './gbt9704-nodes';
import { exact, runs } from './gbt9704-runs';
import { CELL_MARGIN, columnWidths, splitTallRows } from './gbt9704-table-layout';

/** Tables in a GB/T 9704 document: the target table and the two parties' signature block. */

const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const noBorders = {
  top: noBorder,
  bottom: noBorder,
  left: noBorder,
  right: noBorder,
  insideHorizontal: noBorder,
  insideVertical: noBorder,
};

/** 甲方 and 乙方 side by side: party and seal, name, signer, and a date line left blank for the pen. */
export function parties(b: Extract<Block, { kind: 'parties' }>): TableNode {
  const width = Math.floor(TYPE_AREA.width / b.parties.length);
  const line = (text: string) => paragraph({ spacing: exact() }, runs(text));
  return {
    kind: 'table',
    o: {
      width: { size: TYPE_AREA.width, type: WidthType.DXA },
      columnWidths: b.parties.map(() => width),
      layout: TableLayoutType.FIXED,
      borders: noBorders,
    },
    rows: [
      {
        o: { cantSplit: true },
        cells: b.parties.map((p): CellNode => ({
          o: { width: { size: width, type: WidthType.DXA }, borders: noBorders },
          children: [
            line(''),
            line(p.label),
            line(p.org),
            line(''),
            line(p.signer),
            line(''),
            line('　　　　年　　月　　日'),
          ],
        })),
      },
    ],
  };
}

/**
 * A table across the type area, its columns sized from their content. The header row repeats on every page and no
 * row splits; a row taller than half a page is cut into rows of about a third of a page (see splitTallRows).
 * `keepWithNext` keeps the last row with what follows (the 落款 after a table that ends the text).
 */
export function table(b: Extract<Block, { kind: 'table' }>, o: { keepWithNext?: boolean } = {}): TableNode {
  const size = b.small ? TABLE_SMALL_SIZE : SMALL_SIZE;
  const pitch = size === SMALL_SIZE ? 360 : 300;
  const emTwips = size * 10;
  const widths = columnWidths(b.header, b.rows, emTwips, b.main, b.keep);
  const ems = widths.map((w) => (w - CELL_MARGIN) / emTwips);
  const pageLines = Math.floor(TYPE_AREA.height / pitch);
  const totals = new Set(b.totals ?? []);
  const rows = b.rows.flatMap((r, n) =>
    splitTallRows([r], ems, Math.floor(pageLines / 2), Math.floor((pageLines - 4) / 3)).map((x) => ({
      cells: x,
      total: totals.has(n),
    })),
  );
  const cell = (text: string, i: number, head: boolean, keep: boolean): CellNode => ({
    o: {
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: CELL_MARGIN / 2, right: CELL_MARGIN / 2, top: 40, bottom: 40 },
    },
    children: text.split('\n').map((line) =>
      paragraph(
        {
          alignment: head || i === 0 || emWidth(line) <= 2 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: pitch, lineRule: LineRuleType.EXACT },
          ...(keep ? { keepNext: true } : {}),
        },
        runs(line, { size, font: head ? FONTS.heiti : FONTS.fangsong, grid: false }),
        true,
      ),
    ),
  });
  return {
    kind: 'table',
    o: { width: { size: TYPE_AREA.width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED },
    rows: [
      { o: { tableHeader: true, cantSplit: true }, cells: b.header.map((h, i) => cell(h, i, true, false)) },
      ...rows.map((r, n) => ({
        o: { cantSplit: true },
        cells: r.cells.map((t, i) => cell(t, i, r.total, !!o.keepWithNext && n === rows.length - 1)),
      })),
    ],
  };
}
