import { describe, expect, it } from 'vitest';
import { RefusalLog, type Refusal, channelLabel } from '../../../electron/services/refusals';

const T0 = new Date('2026-09-29T09:00:00').getTime();
const limit = { perWindow: 3, windowMs: 60_000 };

const by = (username: string | null, channel = 'users.create'): Refusal => ({
  caller: username ? { username, role: 'leader' } : null,
  channel,
  code: username ? 'FORBIDDEN' : 'UNAUTHENTICATED',
  reason: '无权',
  transport: 'web',
});

describe('the rate limit of recorded refusals', () => {
  it('records the first few of a window one by one and counts the rest into one summary when it closes', () => {
    const log = new RefusalLog(limit);
    const written = Array.from({ length: 10 }, (_, i) => log.admit(by('lingdao'), T0 + i * 1000)).flat();
    expect(written.map((e) => e.action)).toEqual([
      'refused:users.create',
      'refused:users.create',
      'refused:users.create',
    ]);
    expect(log.closed(T0 + 59_999)).toEqual([]);
    const [summary, ...none] = log.closed(T0 + 60_000);
    expect(none).toEqual([]);
    expect(summary).toMatchObject({
      at: T0 + 60_000,
      actor: 'lingdao',
      role: 'leader',
      action: 'refused',
      detail: { count: 7, from: T0, to: T0 + 60_000, channels: { 'users.create': 7 } },
    });
    expect(summary!.detail.reason).toBe(
      '09:00:00 至 09:01:00 之间另有 7 次被拒绝的调用未逐条记录（每分钟逐条记录至多 3 次）',
    );
    // a closed window is forgotten: the next refusal is recorded again
    expect(log.closed(T0 + 120_000)).toEqual([]);
    expect(log.admit(by('lingdao'), T0 + 120_000)).toHaveLength(1);
  });

  it('writes the summary of a closed window before the refusal that finds it closed', () => {
    const log = new RefusalLog(limit);
    for (let i = 0; i < 5; i++) log.admit(by('lingdao'), T0);
    expect(log.admit(by('lingdao'), T0 + 61_000).map((e) => e.action)).toEqual(['refused', 'refused:users.create']);
  });

  it('writes no summary for a window that stayed under the limit', () => {
    const log = new RefusalLog(limit);
    log.admit(by('lingdao'), T0);
    expect(log.closed(T0 + 60_000)).toEqual([]);
  });

  it('counts each account apart and everybody not signed in together', () => {
    const log = new RefusalLog(limit);
    const recorded = (who: string | null) => Array.from({ length: 5 }, () => log.admit(by(who), T0)).flat().length;
    expect(recorded('lingdao')).toBe(3);
    expect(recorded('luru')).toBe(3);
    expect(recorded(null)).toBe(3);
    expect(recorded(null)).toBe(0);
    const summaries = log.closed(T0 + 60_000);
    expect(summaries.map((s) => [s.actor, s.role, s.detail.count])).toEqual([
      ['lingdao', 'leader', 2],
      ['luru', 'leader', 2],
      ['（未登录）', '', 7],
    ]);
  });

  it('drains every open count when the app closes, up to that moment', () => {
    const log = new RefusalLog(limit);
    for (let i = 0; i < 4; i++) log.admit(by('lingdao'), T0);
    const [s] = log.drain(T0 + 5_000);
    expect(s).toMatchObject({ action: 'refused', detail: { count: 1, from: T0, to: T0 + 5_000 } });
    expect(log.drain(T0 + 6_000)).toEqual([]);
  });

  it('keeps of a caller-named channel only a short, plain label', () => {
    expect(channelLabel('users.create')).toBe('users.create');
    expect(channelLabel('x'.repeat(500))).toBe('x'.repeat(64));
    expect(channelLabel('a b\n<script>')).toBe('a?b??script?');
    expect(channelLabel('用户')).toBe('??');
    expect(channelLabel(undefined)).toBe('?');
    expect(channelLabel({ toString: () => 'evil' })).toBe('?');
  });
});
