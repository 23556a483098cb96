import { randomBytes } from 'node:crypto';
import type { Caller, Role } from '../contract';

export interface Session {
  id: string;
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  /** Set on accounts created or reset by an administrator: only auth.* calls until changed. */
  mustChangePassword: boolean;
  createdAt: number;
  lastSeen: number;
  locked: boolean;
}

/** Sessions live in memory: a restart or a restore signs everybody out. */
export class SessionStore {
  private readonly byId = new Map<string, Session>();

  create(user: Omit<Session, 'id' | 'createdAt' | 'lastSeen' | 'locked'>, now: number): Session {
    const s: Session = {
      ...user,
      id: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeen: now,
      locked: false,
    };
    this.byId.set(s.id, s);
    return s;
  }

  /**
   * The session for an id, locking it if it has been idle longer than the idle limit.
   * Locking is checked here, on the server, so a renderer that skips its own timer is locked too.
   */
  resolve(id: string | null | undefined, now: number, idleMs: number): Session | null {
    if (!id) return null;
    const s = this.byId.get(id);
    if (!s) return null;
    if (!s.locked && now - s.lastSeen > idleMs) s.locked = true;
    return s;
  }

  touch(s: Session, now: number): void {
    s.lastSeen = now;
  }

  get(id: string | null | undefined): Session | null {
    return id ? (this.byId.get(id) ?? null) : null;
  }

  remove(id: string): void {
    this.byId.delete(id);
  }

  /** Signs a user out everywhere (disabled, role changed, password reset). */
  removeUser(userId: number): void {
    for (const [id, s] of this.byId) if (s.userId === userId) this.byId.delete(id);
  }

  /** After a password change: every other session of the user ends. */
  removeUserExcept(userId: number, keepId: string): void {
    for (const [id, s] of this.byId) if (s.userId === userId && id !== keepId) this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }
}

export function callerOf(s: Session): Caller {
  return { userId: s.userId, username: s.username, role: s.role, unitId: s.unitId };
}

/** Who a public channel (login, first setup) runs as before anyone has signed in. */
export const ANONYMOUS: Caller = { userId: null, username: '（未登录）', role: 'leader' };
