import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ChannelOutput } from '../../electron/contract';
import { ApiError, call, errorMessage, onAuthError, session } from '../api/client';

type Status = ChannelOutput<'auth.status'>;
type SignedIn = ChannelOutput<'auth.login'>;
export type SignedInUser = NonNullable<Status['session']>['user'];

export type AuthState =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'setup' }
  | { phase: 'login'; notice?: string }
  | { phase: 'locked'; user: SignedInUser }
  | { phase: 'ready'; user: SignedInUser; idleLockMinutes: number };

interface AuthApi {
  state: AuthState;
  /** The core runs on the demonstration data (README 演示数据): every screen says so. */
  demo: boolean;
  refresh(notice?: string): Promise<void>;
  /** After sign-in (or setup): its answer already says who is signed in, so the first screen opens at once. */
  signedIn(answer: SignedIn): void;
  lock(): Promise<void>;
  logout(): Promise<void>;
}

const Ctx = createContext<AuthApi | null>(null);
export const useAuth = (): AuthApi => useContext(Ctx)!;

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/** Who is signed in, and the idle lock: after the set minutes without input the screen locks. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ phase: 'loading' });
  const [demo, setDemo] = useState(false);
  const lastActivity = useRef(Date.now());

  const refresh = useCallback(async (notice?: string): Promise<void> => {
    try {
      const s = await call('auth.status', {});
      setDemo(s.demo);
      if (s.needsSetup) setState({ phase: 'setup' });
      else if (!s.session) {
        session.set(null);
        setState({ phase: 'login', notice });
      } else if (s.session.locked) setState({ phase: 'locked', user: s.session.user });
      else {
        lastActivity.current = Date.now();
        setState({ phase: 'ready', user: s.session.user, idleLockMinutes: s.session.idleLockMinutes });
      }
    } catch (e) {
      // the database is held for a while (a package being imported, a restore): what is on screen stays, and the
      // question is asked again shortly, instead of ending on the error screen
      if (e instanceof ApiError && e.error.code === 'CONFLICT') {
        window.setTimeout(() => void refresh(notice), 2000);
        return;
      }
      setState({ phase: 'error', message: errorMessage(e) });
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onAuthError((code) => void refresh(code === 'UNAUTHENTICATED' ? '登录已失效，请重新登录。' : undefined));
  }, [refresh]);

  const lock = useCallback(async () => {
    try {
      await call('auth.lock', {});
    } finally {
      await refresh();
    }
  }, [refresh]);

  // the idle lock: the server locks on its own clock too, this hides the screen at the same moment
  useEffect(() => {
    if (state.phase !== 'ready') return;
    const mark = () => (lastActivity.current = Date.now());
    ACTIVITY.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > state.idleLockMinutes * 60_000) void lock();
    }, 5_000);
    return () => {
      ACTIVITY.forEach((e) => window.removeEventListener(e, mark));
      window.clearInterval(timer);
    };
  }, [state, lock]);

  const api: AuthApi = {
    state,
    demo,
    refresh,
    signedIn: (answer) => {
      session.set(answer.sessionId);
      lastActivity.current = Date.now();
      setState({ phase: 'ready', user: answer.user, idleLockMinutes: answer.idleLockMinutes });
    },
    lock,
    logout: async () => {
      try {
        await call('auth.logout', {});
      } finally {
        session.set(null);
        // the next to sign in starts on his own home, not on the module the last user left open
        if (window.location.hash.startsWith('#/'))
          window.history.replaceState(null, '', window.location.pathname + window.location.search);
        await refresh();
      }
    },
  };
  return <Ctx.Provider value={api}>{children}</Ctx.Provider>;
}
