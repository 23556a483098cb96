import type {
  Document,
  IParagraphOptions,
  IRunOptions,
  ISectionOptions,
  ITableCellOptions,
  ITableOptions,
  ITableRowOptions,
} from 'docx';

/**
 * A document's layout as plain data: every decision (paragraph and run options, table widths, rows cut, sections)
 * is taken once, by the builders that make these nodes. Two back ends write them: gbt9704-docx.ts turns them into
 * objects of the docx package (the reference renderer), gbt9704-xml.ts into XML from fragments the docx package
 * wrote once (the fast one). The options are docx's own, so both write the same bytes.
 */

export type RunProps = Omit<IRunOptions, 'text' | 'children' | 'break'>;
export type RunNode =
  /** `key` is the options' cache key, when the builder already has one (see run in gbt9704-runs.ts). */
  { kind: 'run'; text: string; o: RunProps; key?: string } | { kind: 'pageBreak' };

export interface ParagraphNode {
  kind: 'p';
  o: Omit<IParagraphOptions, 'children' | 'text'>;
  /** Off the page's line grid: w:snapToGrid 0 in its w:pPr (see offGrid in gbt9704-docx.ts). */
  offGrid: boolean;
  children: RunNode[];
}

export interface CellNode {
  o: Omit<ITableCellOptions, 'children'>;
  children: ParagraphNode[];
}
export interface RowNode {
  o: Omit<ITableRowOptions, 'children'>;
  cells: CellNode[];
}
export interface TableNode {
  kind: 'table';
  o: Omit<ITableOptions, 'rows'>;
  rows: RowNode[];
}
export type BlockNode = ParagraphNode | TableNode;

/** A section: its content, and the kind of section it is (its page setup and footers, given by the frame). */
export interface SectionNode {
  kind: string;
  children: BlockNode[];
}

/**
 * What is the same in every file of a kind: the document's options (styles, settings, properties) and the page
 * setup and footers of each kind of section. It builds fresh docx objects on every call.
 */
export interface Frame {
  /** Names the frame in the caches: two frames never share an id. */
  id: string;
  document(title: string, sections: ISectionOptions[]): Document;
  section(kind: string): Omit<ISectionOptions, 'children'>;
}

export interface Layout {
  frame: Frame;
  /** The title in docProps/core.xml. */
  title: string;
  sections: SectionNode[];
}

export const paragraph = (o: ParagraphNode['o'], children: RunNode[], offGrid = false): ParagraphNode => ({
  kind: 'p',
  o,
  offGrid,
  children,
});

/** Takes a paragraph off the page's line grid (see offGrid in gbt9704-docx.ts for why and how). */
export const offGrid = (p: ParagraphNode): ParagraphNode => ({ ...p, offGrid: true });

export const pageBreak = (): RunNode => ({ kind: 'pageBreak' });
