import { emWidth } from './gbt9704-measure';
import { TYPE_AREA } from './gbt9704-numbers';

/**
 * How a table is laid out before Word sees it: column widths from the content, and a row too tall for a page cut
 * into rows of its own. Widths and lengths are in ems of the table's text size.
 */

/** Each cell's side margins (80 twips a side), in twips. */
export const CELL_MARGIN = 160;
/** A value this short (a score, a unit, a rating such as 严重滞后, a header such as 序号) is never wrapped. */
const WHOLE = 4;
/** A number, with its decimal point, sign or percent: one word, never broken (no column is narrower than it). */
const NUMBER = /[+−-]?\d+(?:[.．]\d+)*%?/g;
/** A name (a unit's, up to 12 characters) in a `keep` column is never wrapped. */
const KEEP_WHOLE = 12;
/** Where Chinese meets a digit or a Latin letter (either way round). */
const MIXED = /[\u3400-\u9fff](?=[0-9A-Za-z])|[0-9A-Za-z](?=[\u3400-\u9fff])/g;
/** Marks that may not begin a line. */
const CLOSING = /^[，。、；：！？）》」』”’%]/;

const cellLines = (text: string) => text.split('\n');
/** Lines a cell takes in a column `width` ems wide. */
export const linesIn = (text: string, width: number) =>
  cellLines(text).reduce((a, l) => a + Math.max(1, Math.ceil((emWidth(l) - 0.01) / width)), 0);

/** The narrowest a column may be: its short values whole, its numbers unbroken, a long header in two lines. */
function minimum(header: string, cells: string[]): number {
  // a header of up to four characters (序号, 分值, 评分标准) is never wrapped; a longer one may take two lines
  let min = emWidth(header) <= WHOLE ? emWidth(header) : Math.max(WHOLE, Math.ceil(emWidth(header) / 2));
  for (const c of cells)
    for (const l of cellLines(c)) {
      if (emWidth(l) <= WHOLE) min = Math.max(min, emWidth(l));
      for (const n of l.match(NUMBER) ?? []) min = Math.max(min, emWidth(n));
    }
  // half an em to spare: a value that fills its column exactly is wrapped by a renderer's rounding
  return Math.max(1, min) + 0.5;
}

/**
 * Column widths in twips summing to the type area's width. Columns of short values get what they need; the main
 * column (the targets) then gets up to two fifths of the table (three fifths for a text of a page or more); the rest
 * is shared out an em at a time to the column where it shortens the table most, so no column is wider than its
 * longest line and a long text is never squeezed into a sliver. A six-column table in 小四 is about 32 ems wide: the
 * short columns' minimums leave the targets 12 ems or so.
 */
export function columnWidths(
  header: string[],
  rows: string[][],
  emTwips: number,
  main?: number,
  /** Columns of names (units) kept on one line up to KEEP_WHOLE ems: a name never loses its last character. */
  keep: readonly number[] = [],
): number[] {
  const total = Math.floor((TYPE_AREA.width - header.length * CELL_MARGIN) / emTwips);
  const cols = header.map((h, i) => rows.map((r) => r[i] ?? ''));
  // a line as wide as its column is wrapped by a renderer's rounding: half an em to spare, as for the minimums
  const longest = cols.map((c, i) =>
    Math.max(minimum(header[i]!, c), ...c.flatMap((x) => cellLines(x).map((l) => emWidth(l) + 0.5))),
  );
  const mins = header.map((h, i) => Math.ceil(minimum(h, cols[i]!)));
  for (const i of keep) {
    if (!cols[i]) continue;
    // the longest name that can stand whole, with room for the space a renderer puts between Chinese and digits
    // (2026年10月31日 is printed 2026 年 10 月 31 日) and half an em to spare
    const whole = Math.max(
      0,
      ...cols[i]
        .flatMap(cellLines)
        .filter((l) => emWidth(l) <= KEEP_WHOLE)
        .map((l) => emWidth(l) + 0.25 * (l.match(MIXED) ?? []).length),
    );
    mins[i] = Math.max(mins[i]!, Math.ceil(whole + 0.5));
    longest[i] = Math.max(longest[i]!, mins[i]!);
  }
  const over = mins.reduce((a, x) => a + x, 0) / total;
  // more short columns than fit: each gives up its share
  const ems = over > 1 ? mins.map((m) => Math.max(1, Math.floor(m / over))) : mins;
  const height = (w: number[]) =>
    rows.reduce((a, r) => a + Math.max(...r.map((t, i) => linesIn(t, w[i]!))), 0) +
    rows.reduce((a, r) => a + r.reduce((b, t, i) => b + linesIn(t, w[i]!), 0), 0) / 100;
  let left = total - ems.reduce((a, x) => a + x, 0);
  // the column the reader reads first gets two fifths of the table before the rest is balanced by height;
  if (main !== undefined && ems[main] !== undefined) {
    // a main text of a page or more (a 770-character target) takes three fifths: it is what makes the table long
    const share = Math.max(...cols[main]!.map((t) => emWidth(t))) >= 300 ? 3 / 5 : 2 / 5;
    const goal = Math.min(Math.ceil(longest[main]!), Math.floor(total * share));
    while (left > 0 && ems[main]! < goal) {
      ems[main]! += 1;
      left--;
    }
  }
  for (; left > 0; left--) {
    let best = -1;
    let bestHeight = Infinity;
    ems.forEach((w, i) => {
      if (w >= longest[i]!) return;
      const h = height(ems.map((x, j) => (j === i ? x + 1 : x)));
      if (h < bestHeight) [best, bestHeight] = [i, h];
    });
    // everything fits on its line: the rest goes to the widest column
    if (best < 0) best = ems.indexOf(Math.max(...ems));
    ems[best]! += 1;
  }
  const twips = ems.map((e) => e * emTwips + CELL_MARGIN);
  twips[twips.indexOf(Math.max(...twips))]! += TYPE_AREA.width - twips.reduce((a, x) => a + x, 0);
  return twips;
}

/**
 * Where a text may be cut after about `chars` ems: after a mark if one is near, never inside a number, and never so
 * that the next piece starts with a closing mark.
 */
function cutAt(text: string, chars: number): number {
  const cs = [...text];
  let at = 0;
  let w = 0;
  while (at < cs.length && w + emWidth(cs[at]!) <= chars) w += emWidth(cs[at++]!);
  for (let back = at; back > at - 12 && back > 0; back--) if (/[，。；、：）]/.test(cs[back - 1]!)) return back;
  for (const m of text.matchAll(NUMBER)) {
    const s = [...text.slice(0, m.index)].length;
    const e = s + [...m[0]].length;
    if (s < at && at < e) at = s;
  }
  while (at > 1 && CLOSING.test(cs[at] ?? '')) at--;
  return Math.max(1, at);
}

/** A cell's text in pieces of at most `lines` lines in a column `width` ems wide. */
function pieces(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let piece: string[] = [];
  let used = 0;
  for (let line of cellLines(text)) {
    while (used + linesIn(line, width) > lines) {
      const room = lines - used;
      if (room <= 0) {
        out.push(piece.join('\n'));
        [piece, used] = [[], 0];
        continue;
      }
      const at = cutAt(line, room * width);
      piece.push([...line].slice(0, at).join(''));
      out.push(piece.join('\n'));
      [piece, used] = [[], 0];
      line = [...line].slice(at).join('');
    }
    piece.push(line);
    used += linesIn(line, width);
  }
  if (piece.length) out.push(piece.join('\n'));
  return out;
}

/**
 * A row taller than `most` lines becomes several rows of at most `each` lines: the long texts continue in the next
 * row, the first cell reads “1（续）”, the short cells (scores, units) stand in the first row only. Rows are kept whole
 * on a page, so a continuation begins at the top of a page with the repeated header above it.
 */
export function splitTallRows(rows: string[][], widths: number[], most: number, each: number): string[][] {
  return rows.flatMap((r) => {
    if (Math.max(...r.map((t, i) => linesIn(t, widths[i]!))) <= most) return [r];
    const cut = r.map((t, i) => (i === 0 ? [t] : pieces(t, widths[i]!, each)));
    const n = Math.max(...cut.map((c) => c.length));
    return Array.from({ length: n }, (_, k) =>
      r.map((_, i) => (i === 0 && k > 0 ? `${r[0]}（续）` : (cut[i]![k] ?? ''))),
    );
  });
}
