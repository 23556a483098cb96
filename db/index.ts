export { openDatabase, APPLICATION_ID, type AppDb, type OpenedDb, type OpenOptions } from './open';
export { DbOpenError, RecordWriteError } from './errors';
export { recordWriter, type RecordWriter } from './records';
export * as schema from './schema';
