/**
 * GB/T 9704-2012 layout numbers in the units OOXML uses (twips = 1/20 pt, half-points for sizes).
 * Computed, not converted with a flooring helper: 37 mm is 2098 twips, not 2097.
 */
export const mm = (x: number) => Math.round((x * 1440) / 25.4);

export const PAGE = { width: mm(210), height: mm(297) } as const; // 11906 × 16838
export const MARGIN = { top: mm(37), left: mm(28), bottom: mm(35), right: mm(26) } as const; // 2098, 1587, 1984, 1474
export const TYPE_AREA = {
  width: PAGE.width - MARGIN.left - MARGIN.right,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
} as const;

/** 22 lines a page: 22 × 579 = 12738 ≤ 12756 < 23 × 579. */
export const LINE_PITCH = 579;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 三号 16 pt body text: 32 half-points. */
export const BODY_SIZE = 32;
/**
 * 28 characters a line: the type area (8845 twips = 442.25 pt) over 28 is 15.79 pt a character, so each
 * 16 pt character is condensed by 0.21 pt; w:spacing counts twentieths of a point, rounded away from zero
 * so that the 28th character never wraps: −5 (15.75 pt).
 */
export const BODY_CHAR_SPACING = Math.floor(TYPE_AREA.width / CHARS_PER_LINE - (BODY_SIZE / 2) * 20);

export const FONTS = {
  fangsong: '仿宋_GB2312',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  xiaobiaosong: '方正小标宋简体',
  songti: '宋体',
  /** For characters beyond the BMP (CJK Extension B and later). */
  songtiExtB: 'SimSun-ExtB',
  latin: 'Times New Roman',
} as const;

export const RED = 'FF0000';
/** 发文机关标志: 小初 36 pt. */
export const ISSUER_SIZE = 72;
/** 标题: 二号 22 pt. */
export const TITLE_SIZE = 44;
/** 版记 and page numbers: 四号 14 pt. */
export const SMALL_SIZE = 28;
/** Dense tables (the letters' indicator table): 小四 12 pt. */
export const TABLE_SMALL_SIZE = 24;
/** One character of body text, for indents: 2 characters = 640 twips. */
export const CHAR = 320;
