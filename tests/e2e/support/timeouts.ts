/**
 * Waits longer than expect's default, each for something the user also waits for. Sized for a
 * two-core CI machine and for one shared with other runs (load average 12 measured, where a step
 * took up to ten times as long as alone); a wait that runs out means something is wrong, not slow.
 */
export const TIMEOUTS = {
  /** Node starts the built host, which opens (and on a first start migrates) the database. */
  hostStart: 60_000,
  /** Signing in, unlocking, a refused password: an OWASP-strength scrypt (128 MiB) on the host. */
  signIn: 45_000,
  /** An uploaded workbook read and checked row by row, or imported. */
  fileCheck: 30_000,
  /** Letters generated as .docx one by one in a batch, or a preview laid out. */
  documents: 90_000,
} as const;
