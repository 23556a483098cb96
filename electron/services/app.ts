import fs from 'node:fs';
import path from 'node:path';
import { type OpenedDb, openDatabase, recordWriter } from '../../db';
import { ensureSelfNode } from '../../db/repos/nodes';
import { ensureSelfKeys } from './exchange/service';
import { seedCategories } from '../../db/repos/org';
import { seedRuleTables } from '../../db/repos/rule-tables';
import { ruleTableKind, ruleTableSpecs } from '../vocab';
import type { Caller, Result } from '../contract';
import { AppError, channels, fail, isChannelName } from '../contract';
import type { Step } from './steps';
import { sha256File } from './attachments';
import Database from 'better-sqlite3';
import { carryAuditForward } from './backup/audit-carry';
import { createBackup } from './backup/create';
import { summaryOf } from './backup/format';
import { readBackup } from './backup/read';
import { type RestoreOutcome, recoverInterruptedRestore, restoreBackup } from './backup/restore';
import { type Dispatch, createDispatcher } from './dispatcher';
import type { AppEnv, AppServices, HandlerMap, SystemPrinter, Transport } from './handler';
import { handlers as allHandlers } from './handlers';
import { cleanLeftovers } from './leftovers';
import { checkDemoMark } from './demo/marker';
import { seedDemoCounty } from './demo/county';
import { recoverPendingDocuments } from './documents/pending';
import { registeredFiles } from '../../db/repos/documents';
import { AnchorKeeper, defaultAnchorDir } from './audit-anchors';
import { backupsDir, recordBackup } from './handlers/backup';
import { readBasicSettings } from './handlers/settings';
import { type Logger, fileLogger } from './logger';
import { OWASP_SCRYPT, type ScryptParams } from './passwords';
import { JobStore } from './jobs';
import { RenderPool } from './documents/pool';
import { SessionStore } from './sessions';
import { RefusalLog } from './refusals';
import { appendAuditEntries } from '../../db/repos/audit';
import { UploadStore } from './uploads';
import { type UploadRequest, receiveUpload } from './upload-call';

export interface CallOptions {
  signal?: AbortSignal;
  progress?: (s: Step) => void;
}

export interface App {
  env: AppEnv;
  /** The live database; replaced by a restore. */
  readonly opened: OpenedDb;
  log: Logger;
  sessions: SessionStore;
  dispatch: Dispatch;
  /** What a transport hands each incoming call to: the session it carries, the channel, the input. */
  call(
    sessionId: string | null | undefined,
    transport: Transport,
    channel: unknown,
    input: unknown,
    /** In-process transports only (the command line): a long write's steps, and Ctrl+C as its cancel. */
    opts?: CallOptions,
  ): Promise<Result<unknown>>;
  /** For in-process callers that authenticated otherwise (tests, scheduler). */
  callAs(
    caller: Caller,
    transport: Transport,
    channel: unknown,
    input: unknown,
    opts?: CallOptions,
  ): Promise<Result<unknown>>;
  /** Why calls are refused just now (a restore, a package being imported), or null. */
  busy(): string | null;
  /** A file sent as a file by a signed-in user (web host endpoint, desktop IPC): its id for a channel. */
  upload(sessionId: string | null | undefined, req: UploadRequest): Promise<Result<{ uploadId: string; size: number }>>;
  close(): void;
}

export interface StartOptions {
  dataDir: string;
  /** The demonstration data (`--demo`): dataDir is the `…-演示数据` folder, seeded on its first start. */
  demo?: boolean;
  appRoot: string;
  appVersion: string;
  nativeBinding?: string;
  log?: Logger;
  handlers?: HandlerMap;
  now?: () => number;
  /** Password hashing cost; OWASP's by default, lower only in tests. */
  scrypt?: ScryptParams;
  /** The desktop host opens files with the system's program; returns an error text or ''. */
  openFile?: (file: string) => Promise<string>;
  /** The desktop host prints with Word/WPS (print/run.ts systemPrinter). */
  printFiles?: SystemPrinter;
  /** Where the profile's audit anchors go (outside the data folder); see audit-anchors.ts. */
  anchorDir?: string;
  /** The document render workers; one per core by default (tests hold or count its tasks). */
  renderPool?: RenderPool;
}

export const DB_FILE = 'kaoping.db';

/** Opens the data folder's database (migrating it) and builds the dispatcher every transport uses. */
export async function startApp(opts: StartOptions): Promise<App> {
  const log = opts.log ?? fileLogger(opts.dataDir);
  const clock = opts.now ?? Date.now;
  const dbFile = path.join(opts.dataDir, DB_FILE);
  fs.mkdirSync(path.join(opts.dataDir, 'tmp'), { recursive: true });
  // the trail's end against the anchors kept outside the database, on the trail as found: a loss is written into the
  // trail (with its range) before anything else is
  const anchors = new AnchorKeeper(opts.dataDir, opts.anchorDir ?? defaultAnchorDir());
  const checkAnchors = (sqlite: Database.Database) => {
    for (const g of anchors.advanceAsFound(sqlite, clock())) log.error(g.message);
  };
  const openDb = async () => {
    const o = await openDatabase({
      beforeChecks: checkAnchors,
      file: dbFile,
      migrationsFolder: path.join(opts.appRoot, 'db', 'migrations'),
      backupDir: backupsDir(opts.dataDir),
      nativeBinding: opts.nativeBinding,
      now: () => new Date(clock()),
    }).catch((e: unknown) => {
      log.error('database not opened', e);
      throw e;
    });
    // the start self-check (db/selfcheck.ts) put protections back; the trail has its entry too
    if (o.selfCheck) log.error(`start self-check restored protections: ${JSON.stringify(o.selfCheck)}`);
    return o;
  };
  const interrupted = recoverInterruptedRestore(dbFile);
  if (interrupted !== 'none') log.info(`interrupted restore: ${interrupted}`);
  // what a killed backup or restore left: its plaintext copy of the database, an unfinished backup file
  for (const f of cleanLeftovers(opts.dataDir)) log.info(`removed what an interrupted process left: ${f}`);
  let opened = await openDb();
  let seedDemo: boolean;
  try {
    seedDemo = checkDemoMark(opened.sqlite, opts.dataDir, !!opts.demo, clock());
  } catch (e) {
    opened.sqlite.close();
    throw e;
  }
  // a document registered just before the process died still has its file under the pending name
  for (const f of recoverPendingDocuments(opts.dataDir, registeredFiles(opened.sqlite)))
    log.info(`document file after an interrupted write: ${f}`);
  if (opened.preMigrationBackup) log.info(`pre-migration backup: ${opened.preMigrationBackup}`);
  const env: AppEnv = {
    appVersion: opts.appVersion,
    dataDir: opts.dataDir,
    schemaVersion: opened.schemaVersion,
    nodeId: ensureSelfNode(opened.db, '本机', clock()),
    demo: !!opts.demo,
  };
  seedCategories(opened.sqlite, recordWriter(opened.sqlite, env.nodeId, clock()));
  seedRuleTables(opened.sqlite, recordWriter(opened.sqlite, env.nodeId, clock()), ruleTableSpecs, ruleTableKind.labels);
  // the node's key pairs for the exchange between levels, made at setup (issue #20)
  ensureSelfKeys(opened.sqlite, env.nodeId, clock());
  checkAnchors(opened.sqlite);
  const sessions = new SessionStore();
  let busy: string | null = null;
  /** A long write holds the database (not a restore): its job's progress polls and cancel still pass. */
  let holding = false;

  async function restore(file: string, by: Caller, o: { allowForeign?: boolean } = {}): Promise<RestoreOutcome> {
    if (busy) throw new Error('restore while busy');
    busy = '正在从备份恢复数据，请稍候再操作。';
    try {
      const outcome = await restoreBackup(file, {
        dataDir: opts.dataDir,
        dbFile,
        nodeId: env.nodeId,
        schemaVersion: env.schemaVersion,
        allowForeign: !!o.allowForeign,
        safetyBackup: async () => {
          const b = await createBackup({
            sqlite: opened.sqlite,
            dataDir: opts.dataDir,
            outDir: backupsDir(opts.dataDir),
            kind: 'pre-restore',
            by: by.username,
            appVersion: env.appVersion,
            nodeId: env.nodeId,
            unitName: readBasicSettings(opened).unitName,
            now: clock(),
          });
          return b.file;
        },
        close: () => opened.sqlite.close(),
        prepareCopy: async (file) => {
          try {
            const copy = await openDatabase({
              file,
              migrationsFolder: path.join(opts.appRoot, 'db', 'migrations'),
              backupDir: path.join(path.dirname(file), 'pre-migrate'),
              nativeBinding: opts.nativeBinding,
            });
            const version = copy.schemaVersion;
            copy.sqlite.close();
            return version;
          } catch (e) {
            throw new AppError('RULE_VIOLATION', `备份中的数据库无法由本程序打开：${(e as Error).message}`);
          }
        },
        carryAudit: (file) => {
          const copy = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
          try {
            return carryAuditForward(opened.sqlite, copy, !!o.allowForeign);
          } finally {
            copy.close();
          }
        },
        reopen: async () => {
          opened = await openDb();
          env.schemaVersion = opened.schemaVersion;
          env.nodeId = ensureSelfNode(opened.db, '本机', clock());
        },
      });
      sessions.clear();
      // the restored database learns of the safety backup too, so it can be found from either side
      const safety = await readBackup(outcome.safetyBackup, { manifestOnly: true });
      recordBackup(opened, {
        ...summaryOf(outcome.safetyBackup, safety.manifest, safety.sizeBytes),
        sha256: (await sha256File(outcome.safetyBackup)).sha256,
      });
      log.info(`restored ${file}; safety backup ${outcome.safetyBackup}`);
      return outcome;
    } finally {
      busy = null;
    }
  }

  const services: AppServices = {
    sessions,
    scrypt: opts.scrypt ?? OWASP_SCRYPT,
    restore,
    busy: () => busy,
    hold: (reason) => {
      if (busy) return null;
      busy = reason;
      holding = true;
      return () => {
        busy = null;
        holding = false;
      };
    },
    jobs: new JobStore(),
    render: Object.assign(opts.renderPool ?? new RenderPool(), { demo: env.demo }),
    database: () => opened,
    callAs: async (caller, transport, channel, input, o) => {
      const r = await guard(channel, () =>
        dispatch({ trustedCaller: caller, transport, channel, input, signal: o?.signal, progress: o?.progress }),
      );
      if (!r.ok) throw new AppError(r.error.code, r.error.message, { fields: r.error.fields });
      return r.value;
    },
    openFile: opts.openFile,
    printFiles: opts.printFiles,
    anchors,
    uploads: new UploadStore(opts.dataDir, clock),
  };
  const refusals = new RefusalLog();
  const dispatch = createDispatcher({
    database: () => opened,
    handlers: opts.handlers ?? allHandlers,
    env,
    services,
    log,
    now: opts.now,
    refusals,
  });
  log.info(`opened ${opened.file} schema v${opened.schemaVersion}${env.demo ? ' (演示数据)' : ''}`);
  // after every call the anchors move to the trail's new end (checking first that it still holds them)
  const advance = () => {
    if (busy) return;
    try {
      for (const g of anchors.advance(opened.sqlite, env.nodeId, clock())) log.error(g.message);
    } catch (e) {
      log.error('audit anchor', e);
    }
  };
  const guard = async (channel: unknown, run: () => Promise<Result<unknown>>) => {
    if (busy && !(holding && isChannelName(channel) && channels[channel].whileHeld)) return fail('CONFLICT', busy);
    try {
      return await run();
    } finally {
      advance();
    }
  };
  const app: App = {
    env,
    get opened() {
      return opened;
    },
    log,
    sessions,
    dispatch,
    call: (sessionId, transport, channel, input, o) =>
      guard(channel, () =>
        dispatch({ sessionId, transport, channel, input, signal: o?.signal, progress: o?.progress }),
      ),
    callAs: (caller, transport, channel, input, o) =>
      guard(channel, () =>
        dispatch({ trustedCaller: caller, transport, channel, input, signal: o?.signal, progress: o?.progress }),
      ),
    busy: () => busy,
    upload: (sessionId, req) =>
      busy ? Promise.resolve(fail('CONFLICT', busy)) : receiveUpload(services, opened, clock(), sessionId, req),
    close: () => {
      services.uploads.clear();
      // refusals still only counted in an open window are written before the database closes, and anchored
      if (opened.sqlite.open) {
        const pending = refusals.drain(clock());
        if (pending.length) {
          appendAuditEntries(opened.sqlite, pending);
          advance();
        }
      }
      services.render.close();
      opened.sqlite.close();
    },
  };
  if (seedDemo) {
    try {
      await seedDemoCounty(app, clock());
      log.info('demonstration county seeded');
    } catch (e) {
      log.error('demonstration county not seeded', e);
      app.close();
      // the folder is marked but half built: only starting over from an empty one gives the whole county
      throw new AppError(
        'RULE_VIOLATION',
        `演示数据未能建好（${(e as Error).message}）。请关闭程序，删除目录 ${opts.dataDir} 后再以 --demo 启动。`,
      );
    }
  }
  return app;
}
