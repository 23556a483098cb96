/** A failure opening or migrating the database, with a message fit for the user. */
export class DbOpenError extends Error {
  constructor(
    readonly code:
      'NOT_A_DATABASE' | 'FOREIGN_DATABASE' | 'NEWER_SCHEMA' | 'SCHEMA_ALTERED' | 'MIGRATION_FAILED' | 'BACKUP_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbOpenError';
  }
}

/** A write the one write path refused, with a message fit for the user (the dispatcher answers it as is). */
export class RecordWriteError extends Error {
  constructor(
    readonly code: 'NOT_OWNER' | 'UNIT_MODE',
    message: string,
  ) {
    super(message);
    this.name = 'RecordWriteError';
  }
}
