/**
 * The guide's Markdown, parsed into blocks the help page renders as React elements (never as HTML, so a guide
 * text can't inject markup). Only what the guide uses: headings, paragraphs, lists, tables, images, **bold**.
 * An own parser rather than `marked`: ~100 lines, no new dependency, no innerHTML, and search needs the blocks anyway.
 */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'image'; alt: string; src: string };

const IMAGE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;
const cells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!.trim();
    if (!line) {
      i++;
      continue;
    }
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h) {
      blocks.push({ kind: 'heading', level: h[1]!.length, text: h[2]!.trim() });
      i++;
      continue;
    }
    const img = IMAGE.exec(line);
    if (img) {
      blocks.push({ kind: 'image', alt: img[1]!, src: img[2]! });
      i++;
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(cells(lines[i++]!));
      const [header = [], ...rest] = rows;
      blocks.push({ kind: 'table', header, rows: rest.filter((r) => !r.every((c) => /^:?-+:?$/.test(c))) });
      continue;
    }
    const item = /^(-|\*|\d+\.)\s+/;
    if (item.test(line)) {
      const ordered = /^\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim()) {
        const l = lines[i]!.trim();
        if (item.test(l)) items.push(l.replace(item, ''));
        // a continuation line belongs to the item above
        else items[items.length - 1] += l;
        i++;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    let para = line;
    i++;
    while (i < lines.length && lines[i]!.trim() && !/^(#|\||!\[|-\s|\*\s|\d+\.\s)/.test(lines[i]!.trim()))
      para += lines[i++]!.trim();
    blocks.push({ kind: 'paragraph', text: para });
  }
  return blocks;
}

export interface GuideSection {
  id: string;
  chapter: string;
  /** The section's heading; a chapter's opening text (before its first ##) is titled by the chapter. */
  title: string;
  blocks: Block[];
  /** What the search box reads: the section's words without Markdown marks. */
  plain: string;
}

const plainOf = (b: Block): string =>
  b.kind === 'heading' || b.kind === 'paragraph'
    ? b.text
    : b.kind === 'list'
      ? b.items.join('\n')
      : b.kind === 'table'
        ? [b.header, ...b.rows].map((r) => r.join(' ')).join('\n')
        : b.alt;

/** Splits each chapter at its ## headings: the sections the table of contents lists and the search filters. */
export function sectionsOf(chapters: { key: string; text: string }[]): GuideSection[] {
  const out: GuideSection[] = [];
  for (const ch of chapters) {
    const blocks = parseMarkdown(ch.text);
    const first = blocks[0];
    const chapter = first?.kind === 'heading' && first.level === 1 ? first.text : ch.key;
    let cur: GuideSection | undefined;
    for (const b of blocks) {
      if (b.kind === 'heading' && b.level <= 2) {
        cur = { id: `${ch.key}-${out.length}`, chapter, title: b.text, blocks: [], plain: '' };
        out.push(cur);
        continue;
      }
      if (!cur) continue;
      cur.blocks.push(b);
    }
  }
  for (const s of out) s.plain = [s.title, ...s.blocks.map(plainOf)].join('\n').replace(/\*\*/g, '');
  return out;
}

/** The sections whose words contain the query (case-insensitive); all of them for an empty query. */
export function searchSections(sections: GuideSection[], query: string): GuideSection[] {
  const q = query.trim().toLowerCase();
  if (!q) return sections;
  return sections.filter((s) => s.plain.toLowerCase().includes(q) || s.chapter.toLowerCase().includes(q));
}

/** Splits text around the query's occurrences: odd pieces are the matches to highlight. */
export function splitMatches(text: string, query: string): string[] {
  const q = query.trim();
  if (!q) return [text];
  const out: string[] = [];
  const lower = text.toLowerCase();
  const ql = q.toLowerCase();
  let at = 0;
  for (let k = lower.indexOf(ql); k >= 0; k = lower.indexOf(ql, at)) {
    out.push(text.slice(at, k), text.slice(k, k + q.length));
    at = k + q.length;
  }
  out.push(text.slice(at));
  return out;
}

/** Where a guide image is served from: the e2e suite's screenshots, committed under renderer/public/guide-shots. */
export const imageUrl = (src: string) => src.replace(/^shots\//, 'guide-shots/');
