import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  AppError,
  type AppErrorValue,
  type Caller,
  type Result,
  channels,
  fail,
  isChannelName,
  ok,
  roleLabels,
} from '../contract';
import { useChineseZodMessages } from '../contract/zod-zh';
import { type AppDb, RecordWriteError, recordWriter } from '../../db';
import { type AuditEntryInput, appendAudit, appendAuditEntries } from '../../db/repos/audit';
import { selfUnit, unitWriteGuard } from '../../db/exchange-scope';
import { tableLabel } from '../contract/labels';
import type { AppEnv, AppServices, Handler, HandlerContext, HandlerMap, SteppedHandler, Transport } from './handler';
import type { Step, Steps } from './steps';
import { faultBlock } from './fault';
import { defaultSettings } from './handlers/settings';
import { readSetting } from '../../db/repos/settings';
import type { Logger } from './logger';
import { type Refusal, RefusalLog } from './refusals';
import { ANONYMOUS, type Session, callerOf } from './sessions';

useChineseZodMessages();

export interface DispatcherDeps {
  /** The live database; read per call because a restore replaces it. */
  database(): { db: AppDb; sqlite: Database.Database };
  handlers: HandlerMap;
  env: AppEnv;
  services: AppServices;
  log: Logger;
  now?: () => number;
  /** The rate limit of recorded refusals; the app keeps it to write what is still counted when it closes. */
  refusals?: RefusalLog;
}

export interface CallRequest {
  transport: Transport;
  channel: unknown;
  input: unknown;
  /** The session the transport carries (Electron window, browser tab, command line login). */
  sessionId?: string | null;
  /** Only for in-process callers that authenticated otherwise (scheduler, tests). */
  trustedCaller?: Caller;
  /** A job's cancel, for in-process callers (handed to the handler as ctx.signal). */
  signal?: AbortSignal;
  /** Where a stepped handler's steps go (the job's progress), for in-process callers. */
  progress?: (s: Step) => void;
}

export type Dispatch = (req: CallRequest) => Promise<Result<unknown>>;

function fieldsOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

const isPrepared = (h: Handler<never>): h is Extract<Handler<never>, { prepare: unknown }> =>
  typeof h === 'object' && 'prepare' in h;
const isStepped = (h: Handler<never>): h is SteppedHandler<never> => typeof h === 'object' && 'steps' in h;
/** How long a stepped write works before it lets the event loop answer a progress poll or a cancel. */
const STEP_SLICE_MS = 40;

/**
 * The one way into the core: resolve the caller from the session, check the role, validate the
 * input, run the handler (a write inside one transaction together with its audit entry), validate
 * the output, answer a Result. It knows nothing of the transport that brought the call.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const clock = deps.now ?? Date.now;
  const refusals = deps.refusals ?? new RefusalLog();
  /**
   * Audit entries of refused calls, in a transaction of their own: the refused call itself wrote nothing. While a long
   * write holds the database (its transaction open, perhaps to be rolled back) they wait, and go with the next call.
   */
  const waiting: AuditEntryInput[] = [];
  const record = (entries: AuditEntryInput[]) => {
    waiting.push(...entries);
    if (!waiting.length || deps.services.busy() !== null) return;
    try {
      appendAuditEntries(deps.database().sqlite, waiting.splice(0));
    } catch (e) {
      deps.log.error('recording refused calls failed', e);
    }
  };
  const refuse = (r: Refusal, now: number, fields?: AppErrorValue['fields']): Result<never> => {
    record(refusals.admit(r, now));
    return fail(r.code, r.reason, fields);
  };
  let idleMs = defaultSettings.idleLockMinutes * 60_000;
  /** Calls under way, counted so that a long write begins only once those already started have ended. */
  let underWay = 0;
  return async (req) => {
    underWay++;
    try {
      return await dispatchOne(req);
    } finally {
      underWay--;
    }
  };
  async function dispatchOne(req: CallRequest): Promise<Result<unknown>> {
    const { channel } = req;
    const now = clock();
    // a long write holds the database and its transaction is open: a progress poll passes without touching it
    const held = deps.services.busy() !== null;
    record(refusals.closed(now));
    if (!isChannelName(channel)) {
      const known = req.trustedCaller ?? deps.services.sessions.get(req.sessionId);
      const who = known ? { username: known.username, role: known.role } : null;
      const reason = '没有这个功能调用，请确认程序版本一致。';
      return refuse({ caller: who, channel, code: 'UNKNOWN_CHANNEL', reason, transport: req.transport }, now);
    }
    const def = channels[channel];
    let { db, sqlite } = deps.database();
    const refused = (code: Refusal['code'], reason: string, who: Caller | null, fields?: AppErrorValue['fields']) =>
      refuse(
        { caller: who && { username: who.username, role: who.role }, channel, code, reason, transport: req.transport },
        now,
        fields,
      );

    let caller: Caller;
    let session: Session | null = null;
    if (req.trustedCaller) {
      caller = req.trustedCaller;
    } else {
      if (!held) idleMs = readSetting(db, 'idleLockMinutes', defaultSettings.idleLockMinutes) * 60_000;
      session = deps.services.sessions.resolve(req.sessionId, now, idleMs);
      if (def.access === 'public') {
        caller = session ? callerOf(session) : ANONYMOUS;
      } else if (!session) {
        return refused('UNAUTHENTICATED', '尚未登录或登录已失效，请重新登录。', null);
      } else if (session.locked && !def.whileLocked) {
        // the owner's own screen, locked while the page still polls: not an attempt on anything
        return fail('SCREEN_LOCKED', '屏幕已锁定，请输入密码解锁。');
      } else if (session.mustChangePassword && !def.beforePasswordChange) {
        return refused('FORBIDDEN', '请先修改初始密码，再进行其他操作。', callerOf(session));
      } else {
        caller = callerOf(session);
      }
      // polling (a batch's progress) is not the user at the keyboard: it must not hold off the idle lock
      if (session && !session.locked && !def.passive) deps.services.sessions.touch(session, now);
    }
    if (def.access !== 'public' && !def.roles.includes(caller.role)) {
      return refused('FORBIDDEN', `“${roleLabels[caller.role]}”角色无权执行“${def.title}”。`, caller);
    }

    const parsed = def.input.safeParse(req.input);
    if (!parsed.success) {
      const fields = fieldsOf(parsed.error);
      const first = fields[0];
      // the field's internal name (base64, planId …) means nothing to a clerk: it goes with the field list, which
      // the form uses to mark the field, and the sentence carries only the field's own Chinese message
      return fail('INVALID_INPUT', `填写的内容有误：${first?.message ?? '格式不正确'}`, fields);
    }

    // files a write prepares are named only after its commit, and removed if it does not commit
    let afterCommit: (() => void)[] = [];
    let onAbort: (() => void)[] = [];
    const abort = () => {
      for (const f of onAbort.splice(0)) {
        try {
          f();
        } catch (e) {
          deps.log.error(`cleanup after ${channel} failed`, e);
        }
      }
      afterCommit = [];
    };
    /** The transaction committed: the files it prepared are named, nothing is cleaned up. */
    const committed = () => {
      onAbort = [];
      for (const f of afterCommit.splice(0)) {
        try {
          f();
        } catch (e) {
          deps.log.error(`after commit of ${channel}`, e);
        }
      }
    };
    let auditTarget: string | null = null;
    let auditDetail: Record<string, unknown> = {};
    let auditActor: { username: string; role: string } | null = null;
    let auditMore: { target: string; detail: Record<string, unknown> }[] = [];
    const ctx: HandlerContext = {
      db,
      sqlite,
      records: recordWriter(sqlite, deps.env.nodeId, now),
      caller,
      session,
      transport: req.transport,
      env: deps.env,
      app: deps.services,
      now,
      afterCommit: (f) => afterCommit.push(f),
      onAbort: (f) => onAbort.push(f),
      audit(target, detail, actor) {
        auditTarget = target;
        if (detail) auditDetail = detail;
        if (actor) auditActor = actor;
      },
      auditEach: (target, detail) => auditMore.push({ target, detail }),
      ...(req.trustedCaller && req.signal ? { signal: req.signal } : {}),
    };
    const entry = deps.handlers[channel] as Handler<never>;
    const writeAudit = (outcome: 'ok' | 'refused', extra: Record<string, unknown> = {}) => {
      if (outcome === 'ok')
        for (const e of auditMore)
          appendAudit(sqlite, {
            at: now,
            actor: caller.username,
            role: caller.role,
            action: channel,
            target: e.target,
            detail: { via: req.transport, ...e.detail },
          });
      appendAudit(sqlite, {
        at: now,
        actor: auditActor?.username ?? caller.username,
        role: auditActor?.role ?? (def.access === 'public' && !session ? '' : caller.role),
        action: channel,
        target: auditTarget,
        detail: { via: req.transport, ...(outcome === 'refused' ? { outcome } : {}), ...auditDetail, ...extra },
      });
    };

    const attempt = async (): Promise<Result<unknown>> => {
      let prep: unknown;
      if (isPrepared(entry)) {
        const before = deps.database();
        prep = await entry.prepare(ctx, parsed.data as never);
        const after = deps.database();
        const busy = deps.services.busy();
        if (!def.restores && (after !== before || busy)) {
          // prepared against data a restore has replaced (or is replacing), or another long write now holds the
          // database: nothing of it may be written
          abort();
          return fail(
            'CONFLICT',
            after !== before || !busy
              ? '准备期间数据已从备份恢复（或正在恢复），本次操作未保存，请重新操作。'
              : `${busy}（本次操作未保存）`,
          );
        }
        ({ db, sqlite } = after);
        ctx.db = db;
        ctx.sqlite = sqlite;
      }
      // a fresh writer per attempt: a retried write raises each row's version once, not once per try; on a unit's
      // own PC (unit mode) it writes only what that unit reports up
      const unit = def.writes ? selfUnit(sqlite) : null;
      ctx.records = recordWriter(
        sqlite,
        deps.env.nodeId,
        now,
        unit ? unitWriteGuard(sqlite, unit, tableLabel) : undefined,
      );
      auditMore = [];
      if (isStepped(entry)) return runStepped(entry);
      const run = (isPrepared(entry) ? entry.run : entry) as unknown as (
        c: HandlerContext,
        i: unknown,
        p: unknown,
      ) => unknown;
      if (!def.writes && !def.audited) {
        return ok(def.output.parse(await run(ctx, parsed.data, prep)));
      }
      const outcome = sqlite.transaction((): { value: unknown } | { error: AppError } => {
        let out: unknown;
        try {
          out = run(ctx, parsed.data, prep);
          if (out instanceof Promise) throw new Error(`write handler ${channel} returned a promise`);
        } catch (e) {
          if (e instanceof RecordWriteError) throw new AppError('FORBIDDEN', e.message);
          if (e instanceof AppError && e.commit) {
            writeAudit('refused', { reason: e.message });
            return { error: e };
          }
          throw e;
        }
        const checked = def.output.parse(out);
        writeAudit('ok');
        return { value: checked };
      })();
      if ('error' in outcome) {
        abort();
        return fail(outcome.error.code, outcome.error.message, outcome.error.fields);
      }
      committed();
      return ok(outcome.value);
    };
    /** A stepped handler: the database held, one transaction, the event loop let in between slices of its steps. */
    const runStepped = async (h: SteppedHandler<never>): Promise<Result<unknown>> => {
      const release = deps.services.hold(h.busy);
      if (!release) return fail('CONFLICT', deps.services.busy() ?? h.busy);
      let value: unknown;
      let steps: Steps<unknown> | null = null;
      try {
        // calls that began before the hold (a read awaiting a file, a batch's step) end first: none of them may touch
        // the database once its transaction is open
        for (const until = Date.now() + 60_000; underWay > 1; await new Promise((r) => setTimeout(r, 5)))
          if (Date.now() > until) throw new AppError('CONFLICT', '其他操作仍在进行，请稍后再试。本次操作未开始。');
        sqlite.exec('BEGIN IMMEDIATE');
        steps = h.steps(ctx, parsed.data as never);
        let slice = performance.now();
        for (let r = steps.next(); ; r = steps.next()) {
          if (r.done) {
            value = def.output.parse(r.value);
            break;
          }
          req.progress?.(r.value);
          // tests make each step slow (a quarter with its evidence on an old PC), to see what the office sees
          faultBlock('steps:slow', 1000);
          if (performance.now() - slice >= STEP_SLICE_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            slice = performance.now();
          }
          if (req.signal?.aborted) {
            // its own cleanup first (staged files, savepoints), then the whole transaction
            steps.return(undefined as never);
            throw new AppError('CONFLICT', '已取消，本次操作未保存，数据未改动。');
          }
        }
        if (def.writes || def.audited) writeAudit('ok');
        sqlite.exec('COMMIT');
      } catch (e) {
        // the work's own cleanup (files, savepoints) if it did not end by itself; its failure must not hide why
        try {
          steps?.return(undefined as never);
        } catch (cleanup) {
          deps.log.error(`cleaning up after ${channel}`, cleanup);
        }
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        if (e instanceof RecordWriteError) throw new AppError('FORBIDDEN', e.message);
        throw e;
      } finally {
        release();
      }
      committed();
      return ok(value);
    };
    try {
      // a prepared write that lost a race is prepared again, a few times, before the caller hears of it
      for (let tries = 1; ; tries++) {
        try {
          return await attempt();
        } catch (e) {
          abort();
          if (!(e instanceof AppError && e.retry && tries < 5)) throw e;
        }
      }
    } catch (e) {
      if (e instanceof AppError) {
        // a handler's own "not yours" (another unit's target, one's own role) is an attempt too
        if (e.code !== 'FORBIDDEN') return fail(e.code, e.message, e.fields);
        const anonymous = def.access === 'public' && !session && !req.trustedCaller;
        return refused('FORBIDDEN', e.message, anonymous ? null : caller, e.fields);
      }
      const incident = randomUUID().slice(0, 8);
      deps.log.error(`call ${channel} by ${caller.username} failed [${incident}]`, e);
      return fail('INTERNAL', `操作未完成，数据未改动。系统内部错误（编号 ${incident}），请将此编号告知系统管理员。`);
    }
  }
}
