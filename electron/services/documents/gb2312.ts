/**
 * The characters of GB2312 (the official 仿宋_GB2312 and 楷体_GB2312 fonts hold only these), built once by
 * decoding every two-byte code of the standard's table.
 */
let table: Set<string> | null = null;

/**
 * GB2312's assigned cells: rows 1–9 hold 682 symbols in these runs (row, first and last cell, 1–94);
 * rows 16–87 hold the 6,763 hanzi, all cells but the last five of row 55. GBK fills the gaps with
 * characters the GB2312 fonts lack (ⅰ, ḿ, ɑ, vertical forms), so the gaps must stay out.
 */
const symbolRuns: [number, number, number][] = [
  [1, 1, 94],
  [2, 17, 66],
  [2, 69, 78],
  [2, 81, 92],
  [3, 1, 94],
  [4, 1, 83],
  [5, 1, 86],
  [6, 1, 24],
  [6, 33, 56],
  [7, 1, 33],
  [7, 49, 81],
  [8, 1, 26],
  [8, 37, 73],
  [9, 4, 79],
];

function gb2312(): Set<string> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030');
  const set = new Set<string>();
  const add = (row: number, cell: number) => set.add(decoder.decode(Uint8Array.of(0xa0 + row, 0xa0 + cell)));
  for (const [row, from, to] of symbolRuns) for (let c = from; c <= to; c++) add(row, c);
  for (let row = 16; row <= 87; row++) for (let c = 1; c <= (row === 55 ? 89 : 94); c++) add(row, c);
  table = set;
  return set;
}

/** How many characters the table holds (7,445 in GB2312). */
export const gb2312Size = () => gb2312().size;

export interface TextPart {
  text: string;
  /** Outside GB2312 (and not ASCII or a common typographic mark). */
  rare: boolean;
  /** Beyond the Basic Multilingual Plane. */
  astral: boolean;
}

const commonMarks =
  /[\u0020-\u007f\u00b7\u2014\u2026\u2018\u2019\u201c\u201d\u3000-\u3003\u3008-\u3011\u3014\u3015\uff01-\uff5e]/;

/** Splits text into runs of ordinary characters and of characters the GB2312 fonts lack. */
export function outsideGb2312(text: string): TextPart[] {
  const set = gb2312();
  const parts: TextPart[] = [];
  for (const ch of text) {
    const rare = !commonMarks.test(ch) && !set.has(ch);
    const astral = rare && ch.length > 1;
    const last = parts[parts.length - 1];
    if (last && last.rare === rare && last.astral === astral) last.text += ch;
    else parts.push({ text: ch, rare, astral });
  }
  return parts.length ? parts : [{ text: '', rare: false, astral: false }];
}
