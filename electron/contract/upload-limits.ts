/**
 * Every limit on a file a user sends, in one place (no zod: the renderer shows them on its buttons). Each holds
 * in every host: the web host's upload endpoint stops the stream at it, the contract refuses inline bytes past
 * it, the store refuses a file past it.
 */
export const UPLOAD_LIMITS = {
  /** Excel imports (units, people, indicators, targets). */
  excel: { bytes: 20 * 1024 * 1024, what: '文件', advice: '请拆分后导入。' },
  /** Evidence attached to a report or a notice's reply. */
  attachment: { bytes: 50 * 1024 * 1024, what: '附件', advice: '请压缩或拆分后上传。' },
  /** A holiday calendar. */
  calendar: { bytes: 2 * 1024 * 1024, what: '日历文件', advice: '请确认选择的是日历文件。' },
} as const;

export type UploadKind = keyof typeof UPLOAD_LIMITS;
export const uploadKinds = Object.keys(UPLOAD_LIMITS) as UploadKind[];

export const uploadLimitMb = (kind: UploadKind): number => UPLOAD_LIMITS[kind].bytes / 1024 / 1024;

/** 文件“x.xlsx”超过 20 MB，未接收。请拆分后导入。 */
export function tooLargeMessage(kind: UploadKind, fileName?: string): string {
  const l = UPLOAD_LIMITS[kind];
  const which = fileName ? `${l.what}“${fileName}”` : l.what;
  return `${which}超过 ${uploadLimitMb(kind)} MB，未接收。${l.advice}`;
}
