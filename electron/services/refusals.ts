import type { AuditEntryInput } from '../../db/repos/audit';
import type { ErrorCode } from '../contract';
import type { Transport } from './handler';

/**
 * How many refused calls are recorded one by one: per signed-in account, and for everyone not signed in
 * together (an anonymous flood has no name to tell it apart), at most `perWindow` in each window of `windowMs`.
 * The rest are counted and recorded as one summary entry once the window has closed.
 */
export const REFUSAL_LIMIT = { perWindow: 10, windowMs: 60_000 } as const;

/** The action of a refused call is this prefix and the channel; a summary of the uncounted ones is the bare word. */
export const REFUSED_PREFIX = 'refused:';
export const REFUSED_SUMMARY = 'refused';
/** What a summary keeps of the channels tried: the most frequent first, the rest lumped together. */
const SUMMARY_CHANNELS = 20;
const OTHER_CHANNELS = '（其他）';

export interface Refusal {
  /** Who called: the account, or null when nobody is signed in. */
  caller: { username: string; role: string } | null;
  /** The channel as the caller named it (an unknown one included); never the input. */
  channel: unknown;
  code: ErrorCode;
  /** The Chinese message the caller was answered with. */
  reason: string;
  transport: Transport;
}

interface Window {
  start: number;
  actor: string;
  role: string;
  recorded: number;
  dropped: number;
  channels: Map<string, number>;
}

const ANONYMOUS_ACTOR = '（未登录）';

/** A caller-named channel as it may stand in the log: ASCII letters, digits, `_`, `.` and `-`, at most 64. */
export function channelLabel(channel: unknown): string {
  if (typeof channel !== 'string' || channel === '') return '?';
  return channel.slice(0, 64).replace(/[^\w.-]/g, '?');
}

function clockTime(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * Rate-limits the audit entries of refused calls. Pure bookkeeping in memory: it answers which entries to
 * write and the caller writes them; the clock is passed in with every call.
 */
export class RefusalLog {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limit: { perWindow: number; windowMs: number } = REFUSAL_LIMIT) {}

  /** The entries this refusal calls for: summaries of windows closed by now, then itself unless over the limit. */
  admit(r: Refusal, now: number): AuditEntryInput[] {
    const out = this.closed(now);
    const key = r.caller ? `user:${r.caller.username}` : 'anonymous';
    let w = this.windows.get(key);
    if (!w) {
      w = {
        start: now,
        actor: r.caller?.username ?? ANONYMOUS_ACTOR,
        role: r.caller?.role ?? '',
        recorded: 0,
        dropped: 0,
        channels: new Map(),
      };
      this.windows.set(key, w);
    }
    const channel = channelLabel(r.channel);
    if (w.recorded < this.limit.perWindow) {
      w.recorded++;
      out.push({
        at: now,
        actor: r.caller?.username ?? ANONYMOUS_ACTOR,
        role: r.caller?.role ?? '',
        action: `${REFUSED_PREFIX}${channel}`,
        target: null,
        detail: { via: r.transport, outcome: 'refused', code: r.code, reason: r.reason },
      });
    } else {
      w.dropped++;
      w.channels.set(channel, (w.channels.get(channel) ?? 0) + 1);
    }
    return out;
  }

  /** Summaries of the windows that have closed by now; a closed window is forgotten. */
  closed(now: number): AuditEntryInput[] {
    const out: AuditEntryInput[] = [];
    for (const [key, w] of this.windows) {
      if (now < w.start + this.limit.windowMs) continue;
      this.windows.delete(key);
      if (w.dropped) out.push(this.summary(w, now, w.start + this.limit.windowMs));
    }
    return out;
  }

  /** Every count still open (the app is closing): summaries up to now. */
  drain(now: number): AuditEntryInput[] {
    const out = this.closed(now);
    for (const w of this.windows.values()) if (w.dropped) out.push(this.summary(w, now, now));
    this.windows.clear();
    return out;
  }

  private summary(w: Window, now: number, end: number): AuditEntryInput {
    const sorted = [...w.channels].sort((a, b) => b[1] - a[1]);
    const channels = Object.fromEntries(sorted.slice(0, SUMMARY_CHANNELS));
    const rest = sorted.slice(SUMMARY_CHANNELS).reduce((n, [, c]) => n + c, 0);
    if (rest) channels[OTHER_CHANNELS] = rest;
    const per = this.limit.windowMs === 60_000 ? '每分钟' : `每 ${Math.round(this.limit.windowMs / 1000)} 秒`;
    return {
      at: now,
      actor: w.actor,
      role: w.role,
      action: REFUSED_SUMMARY,
      target: null,
      detail: {
        outcome: 'refused',
        code: 'RATE_LIMITED',
        reason:
          `${clockTime(w.start)} 至 ${clockTime(end)} 之间另有 ${w.dropped} 次被拒绝的调用未逐条记录` +
          `（${per}逐条记录至多 ${this.limit.perWindow} 次）`,
        count: w.dropped,
        from: w.start,
        to: end,
        channels,
      },
    };
  }
}
