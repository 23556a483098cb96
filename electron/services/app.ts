import path from 'node:path';
import { type OpenedDb, openDatabase } from '../../db';
import { ensureSelfNode } from '../../db/repos/nodes';
import type { Caller } from '../contract';
import { type Dispatch, createDispatcher } from './dispatcher';
import type { AppEnv, HandlerMap, Transport } from './handler';
import { handlers as allHandlers } from './handlers';
import { type Logger, fileLogger } from './logger';

export interface App {
  env: AppEnv;
  opened: OpenedDb;
  log: Logger;
  dispatch: Dispatch;
  /** Binds a transport and a caller: what a transport hands each incoming call to. */
  call(caller: Caller, transport: Transport, channel: unknown, input: unknown): ReturnType<Dispatch>;
  close(): void;
}

export interface StartOptions {
  dataDir: string;
  appRoot: string;
  appVersion: string;
  nativeBinding?: string;
  log?: Logger;
  handlers?: HandlerMap;
  now?: () => number;
}

export const DB_FILE = 'kaoping.db';

/** Opens the data folder's database (migrating it) and builds the dispatcher every transport uses. */
export async function startApp(opts: StartOptions): Promise<App> {
  const log = opts.log ?? fileLogger(opts.dataDir);
  const opened = await openDatabase({
    file: path.join(opts.dataDir, DB_FILE),
    migrationsFolder: path.join(opts.appRoot, 'db', 'migrations'),
    backupDir: path.join(opts.dataDir, 'backups'),
    nativeBinding: opts.nativeBinding,
  });
  if (opened.preMigrationBackup) log.info(`pre-migration backup: ${opened.preMigrationBackup}`);
  const nodeId = ensureSelfNode(opened.db, '本机', Date.now());
  const env: AppEnv = {
    appVersion: opts.appVersion,
    dataDir: opts.dataDir,
    schemaVersion: opened.schemaVersion,
    nodeId,
  };
  const dispatch = createDispatcher({
    db: opened.db,
    sqlite: opened.sqlite,
    handlers: opts.handlers ?? allHandlers,
    env,
    log,
    now: opts.now,
  });
  log.info(`opened ${opened.file} schema v${opened.schemaVersion}`);
  return {
    env,
    opened,
    log,
    dispatch,
    call: (caller, transport, channel, input) => dispatch(caller, channel, input, transport),
    close: () => opened.sqlite.close(),
  };
}

/**
 * Until accounts land every transport acts as this local operator. The accounts issue
 * replaces it with the signed-in user; nothing else changes.
 */
export const localOperator: Caller = { userId: null, username: '本机操作员', role: 'admin' };
