import { AlignmentType } from 'docx';
import { type Block, type OfficialDocument, attachmentLines, chineseDate } from '../../core';

import { emWidth } from './gbt9704-measure';
import { CHAR, CHARS_PER_LINE, FONTS, LINE_PITCH, TYPE_AREA } from './gbt9704-numbers';
import { type ParagraphNode, type RunNode, paragraph } from './gbt9704-nodes';
import { exact, run, runs } from './gbt9704-runs';

/**
 * The 落款 (GB/T 9704 7.3.5): 附件说明 one line below the text, a line left free for the top of the seal, then the
 * 署名 centred over the 成文日期, and the 附注. It never stands on a page alone: each of its lines keeps with the next,
 * and the text's last paragraph keeps at least its last two lines with it (see keepsWithClosing).
 */
export function closing(doc: OfficialDocument, pitch: number): ParagraphNode[] {
  type Line = { children: RunNode[] } & ParagraphNode['o'];
  const blank: Line = { children: [run('')] };
  if (doc.attendance) return attendanceLines(doc.attendance, pitch);
  const notes = attachmentLines(doc.attachmentNames);
  const lines: Line[] = [
    ...(notes.length ? [blank] : []),
    ...notes.map((n) => ({ indent: { left: 2 * CHAR }, children: runs(n) })),
    blank,
    { alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR }, children: [run(doc.signature.org)] },
    { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, children: [run(chineseDate(doc.signature.date))] },
    ...(doc.note ? [{ indent: { firstLine: 2 * CHAR }, children: [run(`（${doc.note}）`)] }] : []),
  ];
  return lines.map(({ children, ...o }, i) =>
    paragraph({ ...o, keepLines: true, keepNext: i < lines.length - 1, spacing: exact(pitch) }, children, true),
  );
}

/**
 * A 纪要's closing (GB/T 9704 10.3): a blank line below the text, then "出席：" in 黑体 two characters from the left
 * and the units and names in 仿宋, a second line aligned under the first after the colon; likewise 请假 and 列席.
 * No seal and no 署名. The lines keep together and with the text's last lines, like a 落款.
 */
function attendanceLines(lines: { label: string; names: string }[], pitch: number): ParagraphNode[] {
  const out = [paragraph({ keepLines: true, keepNext: true, spacing: exact(pitch) }, [run('')], true)];
  lines.forEach((l, i) => {
    const label = `${l.label}：`;
    const width = [...label].length;
    out.push(
      paragraph(
        {
          indent: { left: (2 + width) * CHAR, hanging: width * CHAR },
          keepLines: true,
          keepNext: i < lines.length - 1,
          spacing: exact(pitch),
        },
        [run(label, { font: FONTS.heiti }), ...runs(l.names)],
        true,
      ),
    );
  });
  return out;
}

/**
 * How the text's last paragraph joins the 落款: kept with the next paragraph and with widow and orphan control, so
 * that when the 落款 does not fit, at least the paragraph's last two lines go over with it.
 */
export const keepsWithClosing = { keepNext: true, widowControl: true } as const;

/** Lines a body paragraph takes: the two-character indent and 28 characters a line. */
const paragraphLines = (text: string) => Math.max(1, Math.ceil((2 + emWidth(text)) / CHARS_PER_LINE));

/**
 * The line pitch for a one-page document's text and 落款: the grid's 579 twips when it all fits on the first page;
 * when only the 落款 would spill over, GB/T 9704 7.3.5's remedy — the lines closed up until it fits, down to 1.5
 * lines of 三号 (480 twips). A document longer than that keeps the grid; its 落款 then takes its last lines along.
 * `above` is the height of what precedes the text on the first page (letterhead, title, 主送).
 */
export function closingPitch(doc: OfficialDocument, above: number): number {
  if (!doc.body.every((b) => b.kind === 'p' || b.kind === 'h1' || b.kind === 'h2' || b.kind === 'h3'))
    return LINE_PITCH;
  const lines =
    doc.body.reduce((a, b) => a + paragraphLines((b as Extract<Block, { text: string }>).text), 0) +
    (doc.recipients ? 1 : 0) +
    closingLines(doc);
  // a line of slack: the estimate counts characters, a renderer may carry one over for a mark (kinsoku)
  const room = TYPE_AREA.height - above - LINE_PITCH;
  if (lines * LINE_PITCH <= room) return LINE_PITCH;
  const pitch = Math.floor(room / lines);
  return pitch >= 480 ? pitch : LINE_PITCH;
}

function closingLines(doc: OfficialDocument): number {
  if (doc.attendance)
    return doc.attendance.reduce(
      (a, l) => a + Math.max(1, Math.ceil(emWidth(l.names) / (CHARS_PER_LINE - 3 - [...l.label].length))),
      1,
    );
  const notes = attachmentLines(doc.attachmentNames).length;
  return (notes ? notes + 1 : 0) + 3 + (doc.note ? paragraphLines(`（${doc.note}）`) : 0);
}
