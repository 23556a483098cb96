import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

import { docxParagraph } from './gbt9704-docx';
import {
  type BlockNode,
  type CellNode,
  type ParagraphNode,
  type RowNode,
  type RunNode,
  type SectionNode,
  type TableNode,
} from './gbt9704-nodes';

/**
 * The fast back end: a layout's body as XML, assembled from fragments. The docx package writes each kind of element
 * once for each set of options (keyed by the options' JSON), around a marked probe child; the XML before and after the
 * probe is kept and, per document, only the text is escaped and the pieces joined. So the bytes are docx's own, and
 * no docx object is made for a document whose options have all been seen.
 */

/** Stands for the text or the children in a probe. A noncharacter: docx keeps it as it is, no text holds it. */
const MARK = '\uFDD0';

type Compiler = { xmlifyFile(file: Document): { Document: { data: string } } };
/** docx's own compiler (Packer's): it writes document.xml exactly as Packer does, without zipping anything. */
const compiler = (Packer as unknown as { compiler: Compiler }).compiler;

/** The XML docx writes for these blocks as a document's body, without the body's section properties. */
export function bodyOf(children: (Paragraph | Table)[]): string {
  const xml = compiler.xmlifyFile(new Document({ sections: [{ children }] })).Document.data;
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.lastIndexOf('<w:sectPr'));
}

/** The element `tag` around position `at`: [start, end). */
function around(xml: string, tag: string, at: number): [number, number] {
  const start = xml.lastIndexOf(`<${tag}>`, at);
  const end = xml.indexOf(`</${tag}>`, at);
  if (start < 0 || end < 0) throw new Error(`docx wrote no <${tag}> around the probe`);
  return [start, end + tag.length + 3];
}

type Fragment = readonly [before: string, after: string];
/** Of each element `tag` in `xml`, the XML before and after its child `inner` (the element the probe is in). */
function split(xml: string, tag: string, inner: string): Fragment {
  const at = xml.indexOf(MARK);
  const [s, e] = around(xml, tag, at);
  const [is, ie] = inner === MARK ? [at, at + MARK.length] : around(xml, inner, at);
  return [xml.slice(s, is), xml.slice(ie, e)];
}

const probeRun = () => new TextRun(MARK);
const probeParagraph = () => new Paragraph({ children: [probeRun()] });
const probeCell = () => new TableCell({ children: [probeParagraph()] });

const runs = new Map<string, Fragment>();
const paragraphs = new Map<string, Fragment>();
const cells = new Map<string, Fragment>();
const rows = new Map<string, Fragment>();
const tables = new Map<string, Fragment>();
let pageBreakXml: string | undefined;

/** Enough for every option a run of letters uses; a cache that fills up (tables of ever new widths) starts over. */
const MOST_FRAGMENTS = 20_000;

/** A fragment from the cache, or written by docx now and kept. */
function cached(cache: Map<string, Fragment>, key: string, make: () => Fragment): Fragment {
  let f = cache.get(key);
  if (!f) {
    f = make();
    if (cache.size >= MOST_FRAGMENTS) cache.clear();
    cache.set(key, f);
  }
  return f;
}

/** Drops every fragment (for a test that alters one). */
export function clearFragments(): void {
  for (const c of [runs, paragraphs, cells, rows, tables]) c.clear();
  pageBreakXml = undefined;
}

/** For the equivalence test: the fragments as they are, to alter one and see the test fail. */
export const fragmentCaches = { runs, paragraphs, cells, rows, tables };

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// what docx escapes in text, and the control characters XML 1.0 forbids, which it leaves out
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g; // eslint-disable-line no-control-regex
export const escapeText = (text: string) => text.replace(SPECIAL, (c) => ESCAPES[c] ?? '');

function run(r: RunNode): string {
  if (r.kind === 'pageBreak') {
    if (pageBreakXml === undefined) {
      const xml = bodyOf([new Paragraph({ children: [new PageBreak()] })]);
      pageBreakXml = xml.slice(...around(xml, 'w:r', xml.indexOf('<w:br')));
    }
    return pageBreakXml;
  }
  const [before, after] = cached(runs, r.key ?? JSON.stringify(r.o), () =>
    split(bodyOf([new Paragraph({ children: [new TextRun({ ...r.o, text: MARK })] })]), 'w:r', MARK),
  );
  return before + escapeText(r.text) + after;
}

/**
 * A paragraph's start (up to its first run) with a section's properties at the end of its w:pPr, where docx puts
 * them in the paragraph that ends a section other than the last.
 */
export function withSectPr(start: string, sectPr: string): string {
  const end = start.lastIndexOf('</w:pPr>');
  if (end >= 0) return start.slice(0, end) + sectPr + start.slice(end);
  if (!start.startsWith('<w:p>')) throw new Error('not the start of a paragraph');
  return `<w:p><w:pPr>${sectPr}</w:pPr>${start.slice('<w:p>'.length)}`;
}

/**
 * A paragraph; `sectPr` puts a section's properties at the end of its w:pPr, as docx does with the paragraph that
 * ends a section other than the last.
 */
function paragraph(p: ParagraphNode, sectPr?: string): string {
  if (p.children.length === 0) throw new Error('a paragraph without runs');
  const [before, after] = cached(paragraphs, (p.offGrid ? 'g' : 'G') + JSON.stringify(p.o), () =>
    split(bodyOf([docxParagraph(p, [probeRun()])]), 'w:p', 'w:r'),
  );
  let out = sectPr === undefined ? before : withSectPr(before, sectPr);
  for (const r of p.children) out += run(r);
  return out + after;
}

function cell(c: CellNode): string {
  const [before, after] = cached(cells, JSON.stringify(c.o), () =>
    split(
      bodyOf([
        new Table({ rows: [new TableRow({ children: [new TableCell({ ...c.o, children: [probeParagraph()] })] })] }),
      ]),
      'w:tc',
      'w:p',
    ),
  );
  return before + c.children.map((p) => paragraph(p)).join('') + after;
}

function row(r: RowNode): string {
  const [before, after] = cached(rows, JSON.stringify(r.o), () =>
    split(bodyOf([new Table({ rows: [new TableRow({ ...r.o, children: [probeCell()] })] })]), 'w:tr', 'w:tc'),
  );
  return before + r.cells.map(cell).join('') + after;
}

function table(t: TableNode): string {
  const [before, after] = cached(tables, JSON.stringify(t.o), () =>
    split(bodyOf([new Table({ ...t.o, rows: [new TableRow({ children: [probeCell()] })] })]), 'w:tbl', 'w:tr'),
  );
  return before + t.rows.map(row).join('') + after;
}

const block = (b: BlockNode, sectPr?: string) => (b.kind === 'p' ? paragraph(b, sectPr) : table(b));

/**
 * The body's content: each section's blocks, the last paragraph of every section but the last carrying that
 * section's properties, then the last section's (`sectPrs`, one for each section, as docx writes them).
 */
export function bodyXml(sections: SectionNode[], sectPrs: string[]): string {
  let out = '';
  sections.forEach((s, i) => {
    const last = i === sections.length - 1;
    s.children.forEach((b, j) => {
      const ends = !last && j === s.children.length - 1;
      if (ends && b.kind !== 'p') throw new Error('a section that does not end with a paragraph');
      out += block(b, ends ? sectPrs[i] : undefined);
    });
    if (!last && s.children.length === 0) throw new Error('an empty section');
  });
  return out + sectPrs[sectPrs.length - 1];
}
