import type { z } from 'zod';
import type { Role } from './roles';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Roles allowed to call it. */
  roles: readonly Role[];
  /** Changes data: runs in one transaction and leaves an audit entry. */
  writes: boolean;
  /** A read every call of which is recorded in the audit trail (exports, opening a document). */
  audited?: boolean;
  /**
   * For a write: the read channels whose loaded data a successful call makes stale; the renderer reloads the
   * mounted ones. Every write declares it, [] when nothing shown changes. The audit trail, which every write
   * extends, is named only by its own export: its reader (the auditor) writes nothing else.
   */
  refreshes?: readonly string[];
  /** What the call does, in Chinese, for the audit trail and the CLI's help. */
  title: string;
  /** 'public' channels answer without a signed-in session (status, first setup, login). */
  access?: 'public' | 'session';
  /** May be called while the screen is locked (unlock, logout, status). */
  whileLocked?: boolean;
  /** Polled by the UI on its own (progress): does not count as activity for the idle lock. */
  passive?: boolean;
  /**
   * Answered while a long write holds the database (a package's import): a job's progress and its cancel. Such a
   * channel must not touch the database.
   */
  whileHeld?: boolean;
  /** Replaces the live database (a restore): a prepared call may not be refused for the swap it makes itself. */
  restores?: boolean;
  /** May be called by a user who must still change an initial password (sign-in, the change itself). */
  beforePasswordChange?: boolean;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}
