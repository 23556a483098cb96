/** A failure opening or migrating the database, with a message fit for the user. */
export class DbOpenError extends Error {
  constructor(
    readonly code: 'NOT_A_DATABASE' | 'FOREIGN_DATABASE' | 'NEWER_SCHEMA' | 'MIGRATION_FAILED' | 'BACKUP_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbOpenError';
  }
}
