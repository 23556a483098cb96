import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { type Block } from '../../core';

import { FONTS, SMALL_SIZE, TABLE_SMALL_SIZE, TYPE_AREA } from './gbt9704-numbers';

import { exact, offGrid, runs } from './gbt9704-runs';

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
export function parties(b: Extract<Block, { kind: 'parties' }>): Table {
  const width = Math.floor(TYPE_AREA.width / b.parties.length);
  const line = (text: string) => new Paragraph({ spacing: exact(), children: runs(text) });
  return new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: b.parties.map(() => width),
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        cantSplit: true,
        children: b.parties.map(
          (p) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              borders: noBorders,
              children: [
                line(''),
                line(p.label),
                line(p.org),
                line(''),
                line(p.signer),
                line(''),
                line('　　　　年　　月　　日'),
              ],
            }),
        ),
      }),
    ],
  });
}

/** A table across the type area: the header row repeats on every page and no row splits. */
export function table(b: Extract<Block, { kind: 'table' }>): Table {
  const total = b.widths.reduce((a, x) => a + x, 0);
  const widths = b.widths.map((w) => Math.floor((w / total) * TYPE_AREA.width));
  const size = b.small ? TABLE_SMALL_SIZE : SMALL_SIZE;
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: text.split('\n').map((line) =>
        offGrid(
          new Paragraph({
            alignment: head || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: size === SMALL_SIZE ? 360 : 300, lineRule: LineRuleType.EXACT },
            children: runs(line, { size, font: head ? FONTS.heiti : FONTS.fangsong, grid: false }),
          }),
        ),
      ),
    });
  return new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map(
        (r, n) =>
          new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, b.totals?.includes(n) ?? false)) }),
      ),
    ],
  });
}
