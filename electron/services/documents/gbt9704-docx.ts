import { OnOffElement, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

import { type BlockNode, type Layout, type ParagraphNode, type RunNode } from './gbt9704-nodes';

/**
 * The reference back end: a layout as objects of the docx package, packed by its Packer. Slow (every part of every
 * file built, written and compressed anew), and the fast back end (gbt9704-xml.ts) is tested byte for byte against it.
 * The fast one takes its XML fragments from here too, so these are the only lines that make docx objects.
 */

/**
 * Takes a paragraph off the page's 28.95 pt line grid (w:snapToGrid 0, placed before w:spacing as CT_PPr
 * orders it), so table lines keep their own, tighter pitch: Word honours exact spacing on the grid, LibreOffice
 * and WPS only with this. The docx package has no paragraph option for it.
 */
function offGrid(p: Paragraph): Paragraph {
  const props = (p as unknown as { properties: { root: unknown[] } }).properties;
  const at = props.root.findIndex((el) => (el as { rootKey?: string }).rootKey === 'w:spacing');
  props.root.splice(at < 0 ? props.root.length : at, 0, new OnOffElement('w:snapToGrid', false));
  return p;
}

export const docxRun = (r: RunNode): TextRun | PageBreak =>
  r.kind === 'pageBreak' ? new PageBreak() : new TextRun({ ...r.o, text: r.text });

export function docxParagraph(p: ParagraphNode, children = p.children.map(docxRun)): Paragraph {
  const out = new Paragraph({ ...p.o, children });
  return p.offGrid ? offGrid(out) : out;
}

export function docxBlock(b: BlockNode): Paragraph | Table {
  if (b.kind === 'p') return docxParagraph(b);
  return new Table({
    ...b.o,
    rows: b.rows.map(
      (r) =>
        new TableRow({
          ...r.o,
          children: r.cells.map((c) => new TableCell({ ...c.o, children: c.children.map((p) => docxParagraph(p)) })),
        }),
    ),
  });
}

/** The docx Document of a layout: its frame's options, each section's page setup and footers, and its content. */
export const docxDocument = (l: Layout) =>
  l.frame.document(
    l.title,
    l.sections.map((s) => ({ ...l.frame.section(s.kind), children: s.children.map(docxBlock) })),
  );

export const packReference = (l: Layout): Promise<Buffer> =>
  Packer.toBuffer(docxDocument(l)).then((b) => Buffer.from(b));
