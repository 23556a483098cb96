import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Caller, ChannelName, Channels, ChannelOutput } from '../contract';
import type { AppDb } from '../../db';

export type Transport = 'electron' | 'web' | 'cli';

/** What the host process knows about itself; the same for every call. */
export interface AppEnv {
  appVersion: string;
  dataDir: string;
  schemaVersion: number;
  nodeId: string;
}

export interface HandlerContext {
  db: AppDb;
  sqlite: Database.Database;
  caller: Caller;
  transport: Transport;
  env: AppEnv;
  /** Milliseconds since the epoch, fixed for the whole call. */
  now: number;
  /** Names the record a write touched and what changed, for the audit entry. */
  audit(target: string | null, detail?: Record<string, unknown>): void;
}

export type Handler<C extends ChannelName> = (
  ctx: HandlerContext,
  input: z.output<Channels[C]['input']>,
) => ChannelOutput<C>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };
export type Handlers<K extends ChannelName> = { [C in K]: Handler<C> };
