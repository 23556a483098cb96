import { AppError } from '../contract';
import type { HandlerContext } from './handler';

export const NOT_BOUND = '您的账号没有绑定单位，请系统管理员在账号中设置所属单位。';

/** The unit a 录入员's account is bound to; he has none to act for until the administrator binds one. */
export function boundUnit(ctx: Pick<HandlerContext, 'caller'>): number {
  if (!ctx.caller.unitId) throw new AppError('FORBIDDEN', NOT_BOUND);
  return ctx.caller.unitId;
}

/**
 * A 录入员 acts only for the unit his account is bound to, checked on every call whatever the screen offered;
 * the office (考评员) acts for any unit. `refusal` says whose the record is, in his words.
 */
export function requireOwnUnit(ctx: Pick<HandlerContext, 'caller'>, unitId: number, refusal: string): void {
  if (ctx.caller.role !== 'clerk') return;
  if (boundUnit(ctx) !== unitId) throw new AppError('FORBIDDEN', refusal);
}
