import { AppError } from '../contract';
import { type Lifecycle, step } from '../core';
import type { HandlerContext } from './handler';

/**
 * Applies a lifecycle's table to a record for the caller (core/lifecycle.ts), or refuses with the table's
 * Chinese message. Returns the state the record moves to.
 */
export function requireStep<S extends string, A extends string>(
  ctx: Pick<HandlerContext, 'caller'>,
  l: Lifecycle<S, A>,
  from: S,
  action: A,
  o: { fields?: Record<string, unknown>; subject?: string } = {},
): S {
  const r = step(l, from, action, { role: ctx.caller.role, ...o });
  if (!r.ok) throw new AppError(r.code, r.message, r.field ? { fields: [r.field] } : {});
  return r.to;
}
