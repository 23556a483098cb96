/**
 * Estimates of how much room text takes, for the layout decisions the engine makes before Word does: table column
 * widths, where to cut a very long cell, how far down the 版记 goes. In ems of the text's size: a Chinese character
 * or full-width mark is one, a Latin letter, digit or half-width mark a half (Times New Roman averages a little less).
 */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}
