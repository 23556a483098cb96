import { AppError } from '../../contract';
import { LOCK_AFTER_FAILURES, loginGate, passwordProblem } from '../../core';
import { countUsers, findUser, findUserByName, insertUser, updateUser, type UserRecord } from '../../../db/repos/users';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../passwords';
import { readBasicSettings } from './settings';

export const WRONG_CREDENTIALS = '用户名或密码错误。';
export const ACCOUNT_LOCKED = '账号已锁定（连续输错密码次数过多），请联系系统管理员解锁。';

export function userView(u: UserRecord) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId ?? null,
    mustChangePassword: u.mustChangePassword,
  };
}

function requirePolicy(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('INVALID_INPUT', problem, { fields: [{ path: field, message: problem }] });
}

function startSession(ctx: HandlerContext, u: UserRecord) {
  const s = ctx.app.sessions.create(
    {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      unitId: u.unitId ?? null,
      mustChangePassword: u.mustChangePassword,
    },
    ctx.now,
  );
  // what auth.status would say next, so the renderer opens the first screen without asking again
  return { sessionId: s.id, user: userView(u), idleLockMinutes: readBasicSettings(ctx).idleLockMinutes };
}

/** Counts a failed password and locks the account at the limit; the write is kept, the call refused. */
function recordFailure(ctx: HandlerContext, u: UserRecord, what: string): never {
  const failedCount = u.failedCount + 1;
  const locked = failedCount >= LOCK_AFTER_FAILURES;
  updateUser(ctx.db, u.id, { failedCount, lastFailedAt: ctx.now, locked, updatedAt: ctx.now });
  if (locked) ctx.app.sessions.removeUser(u.id);
  ctx.audit(`user:${u.id}`, { reason: what, failedCount, locked }, { username: u.username, role: u.role });
  throw new AppError('UNAUTHENTICATED', locked ? ACCOUNT_LOCKED : WRONG_CREDENTIALS, { commit: true });
}

function sessionUser(ctx: HandlerContext): UserRecord {
  const u = ctx.session ? findUser(ctx.db, ctx.session.userId) : undefined;
  if (!u || u.disabled) throw new AppError('UNAUTHENTICATED', '账号不存在或已停用，请重新登录。');
  return u;
}

export const authHandlers: Handlers<
  'auth.status' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.lock' | 'auth.unlock' | 'auth.changePassword'
> = {
  'auth.status': (ctx) => {
    const needsSetup = countUsers(ctx.db) === 0;
    const u = ctx.session ? findUser(ctx.db, ctx.session.userId) : undefined;
    return {
      needsSetup,
      session:
        ctx.session && u
          ? { user: userView(u), locked: ctx.session.locked, idleLockMinutes: readBasicSettings(ctx).idleLockMinutes }
          : null,
      demo: ctx.env.demo,
    };
  },

  'auth.setup': prepared(
    async (ctx, input) => {
      if (countUsers(ctx.db) > 0) throw new AppError('CONFLICT', '系统管理员已经创建，请直接登录。');
      requirePolicy(input.password, input.username, 'password');
      return hashPassword(input.password, ctx.app.scrypt);
    },
    (ctx, input, hash) => {
      if (countUsers(ctx.db) > 0) throw new AppError('CONFLICT', '系统管理员已经创建，请直接登录。');
      const u = insertUser(ctx.db, {
        username: input.username,
        displayName: input.displayName,
        role: 'admin',
        passwordHash: hash,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        // setting up signs him in: that is his first sign-in
        lastLoginAt: ctx.now,
      });
      ctx.audit(`user:${u.id}`, { created: 'admin' }, { username: u.username, role: u.role });
      return startSession(ctx, u);
    },
  ),

  'auth.login': prepared(
    async (ctx, input) => {
      const u = findUserByName(ctx.db, input.username);
      if (!u) {
        await burnPasswordCheck(input.password, ctx.app.scrypt);
        return { verified: false, upgradeHash: null };
      }
      if (u.locked) {
        // a locked account is not an oracle: no password is checked, every attempt gets the same answer
        await burnPasswordCheck(input.password, ctx.app.scrypt);
        return { verified: false, upgradeHash: null };
      }
      const gate = loginGate(u.failedCount, u.lastFailedAt ?? null, ctx.now);
      if (!gate.allowed) {
        throw new AppError('RATE_LIMITED', `密码错误次数较多，请 ${gate.waitSeconds} 秒后再试。`);
      }
      const v = await verifyPassword(input.password, u.passwordHash, ctx.app.scrypt);
      const upgradeHash = v.upgrade ? await hashPassword(input.password, ctx.app.scrypt) : null;
      return { verified: v.ok, upgradeHash };
    },
    (ctx, input, p) => {
      const u = findUserByName(ctx.db, input.username);
      if (!u) {
        // the name typed may be a password typed in the wrong box: keep only its first character and length
        ctx.audit(
          null,
          { reason: '用户名不存在', typed: `${[...input.username][0] ?? ''}…（${[...input.username].length} 个字符）` },
          { username: '（不存在的用户名）', role: '' },
        );
        throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS, { commit: true });
      }
      if (u.locked) {
        ctx.audit(`user:${u.id}`, { reason: '账号已锁定' }, { username: u.username, role: u.role });
        throw new AppError('UNAUTHENTICATED', ACCOUNT_LOCKED, { commit: true });
      }
      if (!p.verified) recordFailure(ctx, u, '密码错误');
      if (u.disabled) {
        ctx.audit(`user:${u.id}`, { reason: '账号已停用' }, { username: u.username, role: u.role });
        throw new AppError('UNAUTHENTICATED', '账号已停用，请联系系统管理员。', { commit: true });
      }
      const fresh = updateUser(ctx.db, u.id, {
        failedCount: 0,
        lastFailedAt: null,
        lastLoginAt: ctx.now,
        updatedAt: ctx.now,
        ...(p.upgradeHash ? { passwordHash: p.upgradeHash } : {}),
      });
      ctx.audit(`user:${u.id}`, p.upgradeHash ? { hashUpgraded: true } : {}, { username: u.username, role: u.role });
      return startSession(ctx, fresh);
    },
  ),

  'auth.logout': (ctx) => {
    if (ctx.session) ctx.app.sessions.remove(ctx.session.id);
    ctx.audit(ctx.session ? `user:${ctx.session.userId}` : null);
    return {};
  },

  'auth.lock': (ctx) => {
    if (ctx.session) ctx.session.locked = true;
    ctx.audit(ctx.session ? `user:${ctx.session.userId}` : null);
    return {};
  },

  'auth.unlock': prepared(
    async (ctx, input) => (await verifyPassword(input.password, sessionUser(ctx).passwordHash, ctx.app.scrypt)).ok,
    (ctx, _input, verified) => {
      const u = sessionUser(ctx);
      if (u.locked) {
        ctx.app.sessions.removeUser(u.id);
        throw new AppError('UNAUTHENTICATED', ACCOUNT_LOCKED);
      }
      if (!verified) recordFailure(ctx, u, '解锁密码错误');
      updateUser(ctx.db, u.id, { failedCount: 0, lastFailedAt: null, updatedAt: ctx.now });
      ctx.session!.locked = false;
      ctx.session!.lastSeen = ctx.now;
      ctx.audit(`user:${u.id}`);
      return {};
    },
  ),

  'auth.changePassword': prepared(
    async (ctx, input) => {
      const u = sessionUser(ctx);
      const v = await verifyPassword(input.oldPassword, u.passwordHash, ctx.app.scrypt);
      if (!v.ok) return null;
      requirePolicy(input.newPassword, u.username, 'newPassword');
      if (input.newPassword === input.oldPassword) {
        throw new AppError('INVALID_INPUT', '新密码不能与原密码相同', {
          fields: [{ path: 'newPassword', message: '新密码不能与原密码相同' }],
        });
      }
      return hashPassword(input.newPassword, ctx.app.scrypt);
    },
    (ctx, _input, hash) => {
      const u = sessionUser(ctx);
      if (hash === null) {
        // wrong old passwords count toward the lock like wrong sign-ins
        const failedCount = u.failedCount + 1;
        const locked = failedCount >= LOCK_AFTER_FAILURES;
        updateUser(ctx.db, u.id, { failedCount, lastFailedAt: ctx.now, locked, updatedAt: ctx.now });
        if (locked) ctx.app.sessions.removeUser(u.id);
        ctx.audit(`user:${u.id}`, { reason: '原密码错误', failedCount, locked });
        throw new AppError('INVALID_INPUT', locked ? ACCOUNT_LOCKED : '原密码不正确。', {
          commit: true,
          fields: [{ path: 'oldPassword', message: '原密码不正确' }],
        });
      }
      updateUser(ctx.db, u.id, {
        passwordHash: hash,
        mustChangePassword: false,
        failedCount: 0,
        lastFailedAt: null,
        updatedAt: ctx.now,
      });
      if (ctx.session) {
        ctx.session.mustChangePassword = false;
        ctx.app.sessions.removeUserExcept(u.id, ctx.session.id);
      }
      ctx.audit(`user:${u.id}`);
      return {};
    },
  ),
};
