import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { useChineseZodMessages } from '../contract/zod-zh';
import { AppError, type Caller, type Result, channels, fail, isChannelName, ok, roleLabels } from '../contract';
import type { AppDb } from '../../db';
import { appendAudit } from '../../db/repos/audit';
import type { AppEnv, HandlerContext, HandlerMap, Transport } from './handler';
import type { Logger } from './logger';

useChineseZodMessages();

export interface DispatcherDeps {
  db: AppDb;
  sqlite: Database.Database;
  handlers: HandlerMap;
  env: AppEnv;
  log: Logger;
  now?: () => number;
}

export type Dispatch = (caller: Caller, channel: unknown, input: unknown, transport: Transport) => Promise<Result<unknown>>;

function fieldsOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * The one way into the core: validate the input, check the caller's role, run the handler
 * (writes inside one transaction together with their audit entry), validate the output,
 * and answer a Result. It knows nothing of the transport that brought the call.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const clock = deps.now ?? Date.now;
  return async (caller, channel, rawInput, transport) => {
    if (!isChannelName(channel)) {
      return fail('UNKNOWN_CHANNEL', '没有这个功能调用，请确认程序版本一致。');
    }
    const def = channels[channel];
    if (!def.roles.includes(caller.role)) {
      return fail('FORBIDDEN', `“${roleLabels[caller.role]}”角色无权执行“${def.title}”。`);
    }
    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) {
      const fields = fieldsOf(parsed.error);
      const first = fields[0];
      const where = first?.path ? `（${first.path}）` : '';
      return fail('INVALID_INPUT', `填写的内容有误${where}：${first?.message ?? '格式不正确'}`, fields);
    }

    const now = clock();
    let auditTarget: string | null = null;
    let auditDetail: Record<string, unknown> = {};
    const ctx: HandlerContext = {
      db: deps.db,
      sqlite: deps.sqlite,
      caller,
      transport,
      env: deps.env,
      now,
      audit(target, detail) {
        auditTarget = target;
        if (detail) auditDetail = detail;
      },
    };
    const handler = deps.handlers[channel] as (c: HandlerContext, i: unknown) => unknown;

    try {
      let value: unknown;
      if (def.writes) {
        value = deps.sqlite.transaction(() => {
          const out = handler(ctx, parsed.data);
          const checked = def.output.parse(out);
          appendAudit(deps.sqlite, {
            at: now,
            actor: caller.username,
            role: caller.role,
            action: channel,
            target: auditTarget,
            detail: { via: transport, ...auditDetail },
          });
          return checked;
        })();
      } else {
        value = def.output.parse(handler(ctx, parsed.data));
      }
      return ok(value);
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.fields);
      const incident = randomUUID().slice(0, 8);
      deps.log.error(`call ${channel} by ${caller.username} failed [${incident}]`, e);
      return fail('INTERNAL', `操作未完成，数据未改动。系统内部错误（编号 ${incident}），请将此编号告知系统管理员。`);
    }
  };
}
