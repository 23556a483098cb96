/** Every call between UI and core answers a Result: a value, or a code with a Chinese message. */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'UNAUTHENTICATED',
  'SCREEN_LOCKED',
  'RATE_LIMITED',
  'STORAGE',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorValue {
  code: ErrorCode;
  /** A sentence in Chinese for the user. */
  message: string;
  /** Field-level problems, path joined with '.', each message in Chinese. */
  fields?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: AppErrorValue['fields']): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/**
 * Thrown by handlers for expected failures; the dispatcher turns it into a Result. A write
 * normally rolls back; with `commit: true` what the handler wrote so far is kept (and audited),
 * e.g. a failed login's counter, and the caller still gets the error.
 */
export class AppError extends Error {
  readonly fields?: AppErrorValue['fields'];
  readonly commit: boolean;
  /** A prepared write that lost a race (a document number taken meanwhile): the dispatcher prepares it again. */
  readonly retry: boolean;
  constructor(
    readonly code: ErrorCode,
    message: string,
    opts: { fields?: AppErrorValue['fields']; commit?: boolean; retry?: boolean } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.fields = opts.fields;
    this.commit = opts.commit ?? false;
    this.retry = opts.retry ?? false;
  }
}
