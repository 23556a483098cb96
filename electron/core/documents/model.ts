/**
 * The content of an official document (公文) in the shape GB/T 9704-2012 lays it out, independent
 * of the file format. Core builds these models; services/documents turns them into .docx.
 */
export type Block =
  | { kind: 'p'; text: string }
  /** 一、 level heading (黑体) */
  | { kind: 'h1'; text: string }
  /** （一） level heading (楷体) */
  | { kind: 'h2'; text: string }
  /** 1. level heading (仿宋, like the body) */
  | { kind: 'h3'; text: string }
  /**
   * A table across the type area; `small` sets it in 小四 instead of 四号. Rows marked in `totals` are set in 黑体.
   * The renderer sizes the columns from their content, the `main` column first.
   */
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      small?: boolean;
      totals?: number[];
      /** The column the reader reads (the targets): it gets the width first, up to two fifths of the table. */
      main?: number;
      /** Columns of names (the units) kept on one line when up to 12 characters: given their width before `main`. */
      keep?: number[];
    }
  /** Signature blocks side by side (甲方, 乙方): the party, its name, the signer's line and a date line. */
  | { kind: 'parties'; parties: { label: string; org: string; signer: string }[] };

export interface OfficialDocument {
  /** 发文机关标志: one or more issuing bodies; `withWenjian` appends 文件. */
  issuers: string[];
  withWenjian: boolean;
  /** 发文字号, already formatted: 考评责〔2026〕7号. */
  number: string | null;
  title: string;
  /** 主送机关, without the closing colon. */
  recipients: string | null;
  body: Block[];
  /** 附件说明: the attachments' titles, in order. */
  attachmentNames: string[];
  /** 署名 and 成文日期 (ISO date). */
  signature: { org: string; date: string };
  /** 附注, without parentheses. */
  note: string | null;
  /**
   * 纪要 (GB/T 9704 10.3): the attendance lines (出席, 请假, 列席) take the place of the 落款 — no seal, no 署名 and
   * 成文日期 printed (`signature` still names the issuer and date for the register). The 纪要标志 is `issuers`.
   */
  attendance?: { label: string; names: string }[];
  attachments: { title: string; body: Block[] }[];
  /** 版记. */
  colophon: { copyTo: string | null; printer: string; printDate: string } | null;
  /** Made from demonstration data: the first line, where GB/T 9704 puts 份号, says 演示数据 (README 演示数据). */
  demo?: boolean;
}

/** The line a document made from demonstration data carries at its top left. */
export const DEMO_MARK = '演示数据';

/** The model as the demonstration marks it (unchanged outside demonstration data). */
export const markDemo = <T extends OfficialDocument>(doc: T, demo: boolean | undefined): T =>
  demo ? { ...doc, demo: true } : doc;

/** 发文字号: 代字〔2026〕7号 — hexagonal brackets, no 第, no leading zeros. */
export function formatDocNumber(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`bad sequence ${seq}`);
  return `${prefix}〔${year}〕${seq}号`;
}

/** 成文日期 in Arabic digits without zero padding: 2026年3月5日. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`bad date ${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 附件说明 lines: 附件：1. ×××, later ones aligned under the first name; no closing punctuation. */
export function attachmentLines(names: string[]): string[] {
  if (names.length === 0) return [];
  if (names.length === 1) return [`附件：${names[0]!.replace(/[。．.，,；;]$/, '')}`];
  return names.map((n, i) => `${i === 0 ? '附件：' : '　　　'}${i + 1}. ${n.replace(/[。．.，,；;]$/, '')}`);
}
