import { AppError } from '../../contract';
import { passwordProblem } from '../../core';
import {
  countActiveAdmins,
  findUser,
  findUserByName,
  insertUser,
  listUsers,
  unitChoices,
  updateUser,
  type UserRecord,
} from '../../../db/repos/users';
import { unitById } from '../../../db/repos/org';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { hashPassword } from '../passwords';
import { userView } from './auth';

/** An account as the list shows it; `unitNames` saves a look-up per row when listing. */
export function userRow(ctx: HandlerContext, u: UserRecord, unitNames?: Map<number, string>) {
  const unitName = u.unitId === null ? null : (unitNames?.get(u.unitId) ?? unitById(ctx.sqlite, u.unitId)?.name);
  return {
    ...userView(u),
    disabled: u.disabled,
    locked: u.locked,
    failedCount: u.failedCount,
    lastLoginAt: u.lastLoginAt ?? null,
    createdAt: u.createdAt,
    unitName: unitName ?? null,
  };
}

function mustFind(ctx: HandlerContext, id: number): UserRecord {
  const u = findUser(ctx.db, id);
  if (!u) throw new AppError('NOT_FOUND', '没有找到这个账号，可能已被删除，请刷新。');
  return u;
}

const unitRefused = (message: string) =>
  new AppError('INVALID_INPUT', `${message}。`, { fields: [{ path: 'unitId', message }] });

/**
 * Only a 录入员 is bound to a unit (he reports for it); the unit must exist and be in use. `kept` is the unit the
 * account already has: keeping a unit stopped since is allowed, binding to one is not.
 */
function checkUnit(role: UserRecord['role'], unitId: number | null | undefined, ctx: HandlerContext, kept?: number) {
  if (unitId == null) return;
  if (role !== 'clerk') throw unitRefused('只有录入员绑定所属单位，其他角色不属于某个单位');
  if (unitId === kept) return;
  const unit = unitById(ctx.sqlite, unitId);
  if (!unit) throw unitRefused('所选单位不存在，请刷新后重选');
  if (!unit.active) throw unitRefused(`“${unit.name}”已停用，不能绑定`);
}

function policy(password: string, username: string): void {
  const p = passwordProblem(password, username);
  if (p) throw new AppError('INVALID_INPUT', p, { fields: [{ path: 'password', message: p }] });
}

export const usersHandlers: Handlers<
  'users.list' | 'users.units' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.unlock'
> = {
  'users.list': (ctx) => {
    const names = new Map(unitChoices(ctx.db).map((u) => [u.id, u.name]));
    return listUsers(ctx.db).map((u) => userRow(ctx, u, names));
  },
  'users.units': (ctx) => unitChoices(ctx.db),

  'users.create': prepared(
    async (ctx, input) => {
      policy(input.password, input.username);
      return hashPassword(input.password, ctx.app.scrypt);
    },
    (ctx, input, hash) => {
      if (findUserByName(ctx.db, input.username)) {
        throw new AppError('CONFLICT', `用户名“${input.username}”已存在。`, {
          fields: [{ path: 'username', message: '用户名已存在' }],
        });
      }
      checkUnit(input.role, input.unitId, ctx);
      const u = insertUser(ctx.db, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId ?? null,
        passwordHash: hash,
        mustChangePassword: true,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      ctx.audit(`user:${u.id}`, { username: u.username, role: u.role, unitId: u.unitId });
      return userRow(ctx, u);
    },
  ),

  'users.update': (ctx, input) => {
    const u = mustFind(ctx, input.id);
    const self = u.id === ctx.caller.userId;
    if (self && input.role !== undefined && input.role !== u.role) {
      // 三员分立: nobody changes their own role, so an administrator cannot make himself auditor
      throw new AppError('FORBIDDEN', '不能修改自己的角色（三员分立）。');
    }
    if (self && input.disabled) throw new AppError('FORBIDDEN', '不能停用自己的账号。');
    const losesAdmin = u.role === 'admin' && !u.disabled && ((input.role && input.role !== 'admin') || input.disabled);
    if (losesAdmin && countActiveAdmins(ctx.db) <= 1) {
      throw new AppError('RULE_VIOLATION', '这是最后一个可用的系统管理员账号，不能停用或改为其他角色。');
    }
    const role = input.role ?? u.role;
    checkUnit(role, input.unitId, ctx, u.unitId ?? undefined);
    // an account that stops being a 录入员 leaves its unit
    const unitId = role !== 'clerk' ? null : input.unitId;
    const patch = {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(unitId !== undefined && unitId !== u.unitId ? { unitId } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    };
    const next = updateUser(ctx.db, u.id, { ...patch, updatedAt: ctx.now });
    if (next.role !== u.role || next.disabled !== u.disabled || next.unitId !== u.unitId)
      ctx.app.sessions.removeUser(u.id);
    const changed = Object.fromEntries(
      Object.entries(patch).map(([k, v]) => [k, { from: (u as Record<string, unknown>)[k], to: v }]),
    );
    ctx.audit(`user:${u.id}`, { username: u.username, changed });
    return userRow(ctx, next);
  },

  'users.resetPassword': prepared(
    async (ctx, input) => {
      const u = mustFind(ctx, input.id);
      if (u.id === ctx.caller.userId) throw new AppError('FORBIDDEN', '请用“修改密码”修改自己的密码。');
      policy(input.password, u.username);
      return hashPassword(input.password, ctx.app.scrypt);
    },
    (ctx, input, hash) => {
      const u = mustFind(ctx, input.id);
      const next = updateUser(ctx.db, u.id, {
        passwordHash: hash,
        mustChangePassword: true,
        failedCount: 0,
        lastFailedAt: null,
        locked: false,
        updatedAt: ctx.now,
      });
      ctx.app.sessions.removeUser(u.id);
      ctx.audit(`user:${u.id}`, { username: u.username, unlocked: u.locked });
      return userRow(ctx, next);
    },
  ),

  'users.unlock': (ctx, input) => {
    const u = mustFind(ctx, input.id);
    const next = updateUser(ctx.db, u.id, { locked: false, failedCount: 0, lastFailedAt: null, updatedAt: ctx.now });
    ctx.audit(`user:${u.id}`, { username: u.username, wasLocked: u.locked, failedCount: u.failedCount });
    return userRow(ctx, next);
  },
};
