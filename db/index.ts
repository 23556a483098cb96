export { openDatabase, APPLICATION_ID, type AppDb, type OpenedDb, type OpenOptions } from './open';
export { DbOpenError } from './errors';
export * as schema from './schema';
