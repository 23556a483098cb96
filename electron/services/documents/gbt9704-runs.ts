import { LineRuleType } from 'docx';

import { outsideGb2312 } from './gb2312';
import { BODY_CHAR_SPACING, BODY_SIZE, FONTS, LINE_PITCH } from './gbt9704-numbers';
import { type ParagraphNode, type RunNode, type RunProps, paragraph } from './gbt9704-nodes';

/** The text runs and paragraph spacing every GB/T 9704 block is made of. */

export type Font = (typeof FONTS)[keyof typeof FONTS];

export type RunOptions = { font?: Font; size?: number; color?: string; bold?: boolean; grid?: boolean };

/**
 * The runs of a text. Characters the official GB2312 fonts lack (生僻字 such as 堃 or 𠮷) get a run of
 * their own in 宋体 (BMP) or SimSun-ExtB (beyond it), so Word and WPS show them instead of a blank box.
 */
export function runs(text: string, o: RunOptions = {}): RunNode[] {
  const parts = outsideGb2312(text);
  if (parts.length === 1 && !parts[0]!.rare) return [run(text, o)];
  return parts.map((p) =>
    p.rare ? run(p.text, { ...o, font: p.astral ? FONTS.songtiExtB : FONTS.songti }) : run(p.text, o),
  );
}

/** The docx options of each set of run options, made once: the same object and key for every run alike. */
const props = new Map<string, { o: RunProps; key: string }>();

function runProps(o: RunOptions): { o: RunProps; key: string } {
  const id = `${o.font ?? ''}|${o.size ?? ''}|${o.color ?? ''}|${o.bold ?? ''}|${o.grid ?? ''}`;
  let found = props.get(id);
  if (!found) {
    const eastAsia = o.font ?? FONTS.fangsong;
    const p: RunProps = {
      font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia },
      size: o.size ?? BODY_SIZE,
      color: o.color,
      bold: o.bold,
      // 28 characters of 16 pt fill 156 mm only when each gives up about 0.2 pt
      ...((o.size ?? BODY_SIZE) === BODY_SIZE ? { characterSpacing: BODY_CHAR_SPACING } : {}),
      // large titles are kept off the character grid so it does not spread them
      ...(o.grid === false ? { snapToGrid: false } : {}),
    };
    found = { o: p, key: JSON.stringify(p) };
    props.set(id, found);
  }
  return found;
}

export function run(text: string, o: RunOptions = {}): RunNode {
  const p = runProps(o);
  return { kind: 'run', text, o: p.o, key: p.key };
}

export const exact = (line = LINE_PITCH) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** Body paragraphs may break anywhere: a page of text holds its full 22 lines (no widow/orphan control). */
export const flow = { widowControl: false } as const;
export const blank = (): ParagraphNode => paragraph({ spacing: exact() }, [run('')]);
