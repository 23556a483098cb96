import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Caller, ChannelName, Channels, ChannelOutput } from '../contract';
import type { AppDb, RecordWriter } from '../../db';
import type { AnchorKeeper } from './audit-anchors';
import type { RestoreOutcome } from './backup/restore';
import type { ScryptParams } from './passwords';
import type { JobStore } from './jobs';
import type { RenderPool } from './documents/pool';
import type { Session, SessionStore } from './sessions';
import type { UploadStore } from './uploads';
import type { PrintPlan } from './print/plan';
import type { Step, Steps } from './steps';

export type Transport = 'electron' | 'web' | 'cli';

/** What the host process knows about itself; the same for every call. */
export interface AppEnv {
  appVersion: string;
  dataDir: string;
  schemaVersion: number;
  nodeId: string;
  /** The data folder is the demonstration one (`--demo`): the UI and every document say 演示数据. */
  demo: boolean;
}

/** App-wide services a handler may need beyond the database. */
export interface AppServices {
  sessions: SessionStore;
  scrypt: ScryptParams;
  /** Replaces the live database with a verified backup (closes, swaps, reopens). */
  restore(file: string, by: Caller, opts?: { allowForeign?: boolean }): Promise<RestoreOutcome>;
  /** Set while a restore has the database closed, or a long write holds it; calls are refused meanwhile. */
  busy(): string | null;
  /**
   * Holds the database for one long write (a stepped handler): every other call is refused with `reason` except a
   * job's progress and cancel (channels marked whileHeld). Answers the release, or null when something holds it.
   */
  hold(reason: string): (() => void) | null;
  /** The live database now (a restore replaces it): for background work that outlives one call. */
  database(): { db: AppDb; sqlite: Database.Database };
  /** Background work with progress and cancel. */
  jobs: JobStore;
  /**
   * Calls another channel as this caller (each call its own transaction), for batch jobs; `signal` reaches the
   * handler as ctx.signal (a job's cancel).
   */
  callAs(
    caller: Caller,
    transport: Transport,
    channel: ChannelName,
    input: unknown,
    opts?: { signal?: AbortSignal; progress?: (s: Step) => void },
  ): Promise<unknown>;
  /** Renders documents on worker threads (documents/pool.ts). */
  render: RenderPool;
  /** Opens a file with the system's program (Word/WPS); only the desktop host can. */
  openFile?: (file: string) => Promise<string>;
  /** Prints files in order with the system's Word/WPS (services/print); only the desktop host can. */
  printFiles?: SystemPrinter;
  /** The audit trail's anchors outside the database. */
  anchors: AnchorKeeper;
  /** Files sent as files (web host's /api/upload, the desktop's upload IPC), handed to channels by id. */
  uploads: UploadStore;
}

export type SystemPrinter = (files: string[]) => Promise<{ plan: PrintPlan; error: string }>;

export interface HandlerContext {
  db: AppDb;
  sqlite: Database.Database;
  /** The one write path for exchanged rows, for this call (db/records.ts). */
  records: RecordWriter;
  caller: Caller;
  session: Session | null;
  transport: Transport;
  env: AppEnv;
  app: AppServices;
  /** Milliseconds since the epoch, fixed for the whole call. */
  now: number;
  /** Runs after the write's transaction commits (naming a prepared file); errors are logged, not raised. */
  afterCommit(f: () => void): void;
  /** Runs when the call ends without committing (refused, failed, retried, overlapped by a restore). */
  onAbort(f: () => void): void;
  /**
   * Names the record a write touched and what changed, for the audit entry (and, for sign-in, who and in which role).
   */
  audit(target: string | null, detail?: Record<string, unknown>, actor?: { username: string; role: string }): void;
  /**
   * One more audit entry of this call, in its transaction, for a write that does several things each of which
   * the trail names on its own (a batch's letters: one entry a letter).
   */
  auditEach(target: string, detail: Record<string, unknown>): void;
  /** Aborted when the job that made this call is cancelled (only calls a job makes carry one). */
  signal?: AbortSignal;
}

type In<C extends ChannelName> = z.output<Channels[C]['input']>;
type Out<C extends ChannelName> = ChannelOutput<C>;

/** A read may be async; a write's function runs inside the transaction and must be synchronous. */
export type HandlerFn<C extends ChannelName> = (ctx: HandlerContext, input: In<C>) => Out<C> | Promise<Out<C>>;

/** Slow work (hashing, files) done before the transaction, whose result the write then commits. */
export interface PreparedHandler<C extends ChannelName, P> {
  prepare(ctx: HandlerContext, input: In<C>): Promise<P>;
  run(ctx: HandlerContext, input: In<C>, prepared: P): Out<C>;
}

export function prepared<C extends ChannelName, P>(
  prepare: PreparedHandler<C, P>['prepare'],
  run: PreparedHandler<C, P>['run'],
): PreparedHandler<C, P> {
  return { prepare, run };
}

/**
 * Long work in one transaction that says how far it has got (services/steps.ts): the dispatcher holds the database
 * for it (other calls are told `busy`, progress polls still answered), hands each step to the job that made the call,
 * and at a cancel stops it and rolls all of it back.
 */
export interface SteppedHandler<C extends ChannelName> {
  busy: string;
  steps(ctx: HandlerContext, input: In<C>): Steps<Out<C>>;
}

export function stepped<C extends ChannelName>(busy: string, steps: SteppedHandler<C>['steps']): SteppedHandler<C> {
  return { busy, steps };
}

export type Handler<C extends ChannelName> =
  | HandlerFn<C>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry fixes its own P
  | PreparedHandler<C, any>
  | SteppedHandler<C>;
export type HandlerMap = { [C in ChannelName]: Handler<C> };
export type Handlers<K extends ChannelName> = { [C in K]: Handler<C> };
