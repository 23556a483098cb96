import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { caller, samplePlan } from '../../support/sample-plan';

let t: TestApp;
afterEach(() => t?.close());

type Notice = {
  id: number;
  number: string | null;
  state: string;
  replyBy: string;
  deadline: string;
  deadlineState: string | null;
  daysLeft: number | null;
  replies: { late: boolean; repliedOn: string }[];
  unitName: string;
  leaderName: string | null;
};
type Board = {
  today: string;
  items: Notice[];
  perUnit: { unitName: string; overdue: number; soon: number; open: number }[];
};

/** A clock the test moves: noon on the given day (local time, as the office's PC). */
let clock = 0;
const at = (iso: string) => (clock = new Date(`${iso}T12:00:00`).getTime());

async function office() {
  at('2026-09-29');
  t = await testApp({ now: () => clock });
  const s = await samplePlan(t.app);
  const admin = caller(t.app, 'admin', '管理员');
  // National Day: 1, 2 and 5 October off, Saturday 10 October worked
  for (const [date, kind] of [
    ['2026-10-01', 'holiday'],
    ['2026-10-02', 'holiday'],
    ['2026-10-05', 'holiday'],
    ['2026-10-10', 'workday'],
  ] as const)
    await admin('calendar.set', { date, kind, note: '国庆' });
  const invest = (
    await s.call<{ id: number; content: string; unitId: number }[]>('targets.list', {
      planId: s.plan.id,
      unitId: s.unitId('SX-FGJ'),
    })
  ).find((x) => x.content === '完成全县固定资产投资年度目标')!;
  const inquiry = () =>
    s.call<Notice>('notices.create', {
      kind: 'inquiry',
      unitId: s.unitId('SX-FGJ'),
      targetId: invest.id,
      reason: '你单位“完成全县固定资产投资年度目标”第三季度应完成75%，实际完成48%。',
      items: [{ text: '说明滞后原因' }, { text: '提出赶超措施' }],
      workingDays: 5,
      contactName: '王某',
      contactPhone: '0000-1234567',
    });
  return { ...s, inquiry };
}

describe('notices on working-day deadlines', () => {
  it(
    'counts the reply deadline over the holiday, numbers and registers the notice, and shows it on the board ' +
      'until it is answered',
    async () => {
      const { call, inquiry } = await office();
      const n = await inquiry();
      expect(n).toMatchObject({
        number: '考评询〔2026〕1号',
        replyBy: '2026-10-09',
        state: 'issued',
        leaderName: '李红',
        deadlineState: 'ok',
        daysLeft: 5,
      });
      at('2026-10-06');
      expect((await call<Board>('board.list', {})).items[0]).toMatchObject({ deadlineState: 'soon', daysLeft: 3 });
      at('2026-10-09');
      expect((await call<Board>('board.list', {})).items[0]).toMatchObject({ deadlineState: 'soon', daysLeft: 0 });
      at('2026-10-10');
      const board = await call<Board>('board.list', {});
      expect(board.items[0]).toMatchObject({ deadlineState: 'overdue', daysLeft: -1 });
      expect(board.perUnit).toEqual([
        { unitId: expect.any(Number), unitName: '示例县发展和改革局', overdue: 1, soon: 0, open: 1 },
      ]);
      // a reply after the deadline is recorded, marked late, and the notice leaves the board
      at('2026-10-12');
      const replied = await call<Notice>('notices.reply', {
        noticeId: n.id,
        content: '滞后原因为专项债发行推迟，已制定赶超计划。',
        repliedOn: '2026-10-12',
      });
      expect(replied).toMatchObject({
        state: 'replied',
        deadlineState: null,
        replies: [{ late: true, repliedOn: '2026-10-12' }],
      });
      expect((await call<Board>('board.list', {})).items).toEqual([]);
      // returned: back on the board, still overdue; then answered again, accepted and closed
      await expect(call('notices.review', { noticeId: n.id, accept: false })).rejects.toThrow('退回重报时请写明原因。');
      expect(
        await call<Notice>('notices.review', { noticeId: n.id, accept: false, note: '未附资金到位证明' }),
      ).toMatchObject({ state: 'returned', deadlineState: 'overdue' });
      await call('notices.reply', { noticeId: n.id, content: '补充资金到位证明。', repliedOn: '2026-10-12' });
      await call('notices.review', { noticeId: n.id, accept: true });
      expect(await call<Notice>('notices.close', { noticeId: n.id })).toMatchObject({ state: 'closed' });
    },
  );

  it(
    'an extension asked before the deadline moves it; one asked after ' + 'is refused and the notice stays overdue',
    async () => {
      const { call, inquiry } = await office();
      const n = await inquiry();
      at('2026-10-08');
      expect(
        await call<Notice>('notices.extend', {
          noticeId: n.id,
          requestedOn: '2026-10-08',
          to: '2026-10-16',
          reason: '需财政局提供资金数据',
        }),
      ).toMatchObject({ deadline: '2026-10-16', deadlineState: 'ok' });
      at('2026-10-19');
      await expect(
        call('notices.extend', { noticeId: n.id, requestedOn: '2026-10-19', to: '2026-10-30', reason: '再延' }),
      ).rejects.toThrow('延期申请须在期限（2026-10-16）届满前提出；2026-10-19 提出的申请不予受理，本通知按逾期处理。');
      expect((await call<Board>('board.list', {})).items[0]).toMatchObject({
        deadline: '2026-10-16',
        deadlineState: 'overdue',
      });
    },
  );

  it('a notice prints what was entered per item and the target’s leader, under its registered title', async () => {
    const { call, unitId, plan } = await office();
    const target = (
      await call<{ id: number; content: string }[]>('targets.list', { planId: plan.id, unitId: unitId('SX-FGJ') })
    ).find((x) => x.content === '完成全县固定资产投资年度目标')!;
    const n = await call<Notice & { items: unknown[] }>('notices.create', {
      kind: 'inquiry',
      unitId: unitId('SX-FGJ'),
      targetId: target.id,
      reason: '你单位第三季度应完成75%，实际完成48%',
      items: [{ text: '说明滞后原因', lead: '刘𠇔', partners: '县财政局', deadline: '2026-10-16' }],
      workingDays: 5,
      contactName: '王某',
      contactPhone: '0000-1234567',
    });
    expect(n.items).toEqual([{ text: '说明滞后原因', lead: '刘𠇔', partners: '县财政局', deadline: '2026-10-16' }]);
    const doc = (await call<{ id: number; number: string; title: string }[]>('documents.list', {})).find(
      (d) => d.number === n.number,
    )!;
    expect(doc.title).toBe('关于示例县发展和改革局的问询通知书');
    const { base64 } = await call<{ base64: string }>('documents.content', { id: doc.id });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(base64, 'base64') });
    const printed = text.split('\n').filter(Boolean);
    expect(printed).toContain(doc.title);
    expect(text).toContain('你单位第三季度应完成75%，实际完成48%。该目标的责任领导为李红同志。');
    expect(text).toContain('一、说明滞后原因（牵头单位：刘𠇔；配合单位：县财政局；说明时限：2026年10月16日前）');
    expect(text).toContain(`贵办《${doc.title}》（${n.number}）已收悉`);
    expect(text).not.toContain('你单位《');
  });

  it('two notices created at once get distinct numbers', async () => {
    const { inquiry, call } = await office();
    const [a, b] = await Promise.all([inquiry(), inquiry()]);
    expect([a.number, b.number].sort()).toEqual(['考评询〔2026〕1号', '考评询〔2026〕2号']);
    expect((await call<Board>('board.list', { leader: '李红' })).items).toHaveLength(2);
    expect((await call<Board>('board.list', { kind: 'supervision' })).items).toHaveLength(0);
  });
});

describe('rectification items', () => {
  it(
    'a 整改通知书 tracks each item to its deadline: done, verified or sent ' +
      'back, and an overdue one becomes a clue',
    async () => {
      const { call, unitId } = await office();
      await call('notices.create', {
        kind: 'rectification',
        unitId: unitId('SX-CZJ'),
        reason: '督查发现你单位预算执行进度偏慢。',
        items: [{ text: '加快预算执行', deadline: '2026-10-16' }, { text: '建立月度通报制度' }],
        workingDays: 5,
        contactName: '王某',
        contactPhone: '0000-1234567',
      });
      type Rect = {
        id: number;
        item: string;
        deadline: string;
        state: string;
        deadlineState: string | null;
        escalated: boolean;
        verifyNote: string | null;
      };
      const items = await call<Rect[]>('rectify.list', {});
      expect(items.map((r) => [r.item, r.deadline])).toEqual([
        ['建立月度通报制度', '2026-10-09'],
        ['加快预算执行', '2026-10-16'],
      ]);
      at('2026-10-13');
      const board = await call<{
        rectifications: Rect[];
        perUnit: { unitName: string; overdue: number; open: number }[];
      }>('board.list', {});
      expect(board.rectifications.map((r) => r.deadlineState)).toEqual(['overdue', 'soon']);
      expect(board.perUnit.find((u) => u.unitName === '示例县财政局')).toMatchObject({ overdue: 2, open: 3 });
      const [late, onTime] = board.rectifications;
      await expect(call('rectify.escalate', { id: onTime!.id, reason: '未整改' })).rejects.toThrow(
        '只有逾期未整改的事项可以转为问责线索。',
      );
      expect(await call<Rect>('rectify.escalate', { id: late!.id, reason: '逾期未建立通报制度' })).toMatchObject({
        escalated: true,
      });
      await call('rectify.done', { id: onTime!.id, doneOn: '2026-10-13', note: '9月、10月执行进度已赶上序时' });
      expect(await call<Rect>('rectify.verify', { id: onTime!.id, ok: false, note: '缺少执行数据' })).toMatchObject({
        state: 'open',
        verifyNote: '缺少执行数据',
      });
      await call('rectify.done', { id: onTime!.id, doneOn: '2026-10-13', note: '补充执行数据' });
      expect(await call<Rect>('rectify.verify', { id: onTime!.id, ok: true })).toMatchObject({
        state: 'verified',
        deadlineState: null,
      });
    },
  );
});

describe('reply evidence', () => {
  it('a reply keeps its attachments, verified when read back', async () => {
    const { call, inquiry } = await office();
    const n = await inquiry();
    at('2026-10-08');
    const replied = await call<Notice & { replies: { id: number }[] }>('notices.reply', {
      noticeId: n.id,
      content: '说明见附件。',
      repliedOn: '2026-10-08',
    });
    const withFile = await call<{ replies: { attachments: { id: number; name: string }[] }[] }>('notices.attach', {
      replyId: replied.replies[0]!.id,
      fileName: '情况说明.pdf',
      base64: Buffer.from('%PDF-1.4 说明').toString('base64'),
    });
    const file = withFile.replies[0]!.attachments[0]!;
    expect(file.name).toBe('情况说明.pdf');
    const back = await call<{ base64: string }>('notices.download', { attachmentId: file.id });
    expect(Buffer.from(back.base64, 'base64').toString()).toBe('%PDF-1.4 说明');
    await expect(
      call('notices.attach', { replyId: replied.replies[0]!.id, fileName: '空.pdf', base64: '' }),
    ).rejects.toThrow('是空文件');
  });
});
