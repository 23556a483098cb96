/**
 * The characters of GB2312 (the official 仿宋_GB2312 and 楷体_GB2312 fonts hold only these), built once by
 * decoding every two-byte code of the standard's table.
 */
let table: Set<string> | null = null;

function gb2312(): Set<string> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030');
  const set = new Set<string>();
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      // the table's unassigned places decode to private-use characters, which no font of ours holds anyway
      if (ch !== '\ufffd' && !(ch >= '\ue000' && ch <= '\uf8ff')) set.add(ch);
    }
  }
  table = set;
  return set;
}

export interface TextPart {
  text: string;
  /** Outside GB2312 (and not ASCII or a common typographic mark). */
  rare: boolean;
  /** Beyond the Basic Multilingual Plane. */
  astral: boolean;
}

const commonMarks = /[\u0020-\u007f\u00b7\u2014\u2026\u2018\u2019\u201c\u201d\u3000-\u3003\u3008-\u3011\u3014\u3015\uff01-\uff5e]/;

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
