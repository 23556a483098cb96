import type { Caller, ChannelName, Role } from '../../electron/contract';
import type { App } from '../../electron/services/app';
import { addUser, asRole, testApp, type TestApp } from './app';
import { samplePlan } from './sample-plan';

const DAY = 24 * 3600 * 1000;
const iso = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The office: the sample plan of 2026 with every letter signed, on a clock the scenarios move forward. */
export class World {
  private time = { now: new Date('2026-09-29T12:00:00').getTime() };
  get clock() {
    return this.time.now;
  }
  private memo = new Map<string, Promise<unknown>>();
  readonly extra: TestApp[] = [];
  constructor(readonly t: TestApp) {}

  static async start(): Promise<World> {
    const time = { now: new Date('2026-09-29T12:00:00').getTime() };
    const w = new World(await testApp({ now: () => time.now }));
    w.time = time;
    return w;
  }

  get app(): App {
    return this.t.app;
  }
  today = () => iso(this.clock);
  later = (days: number) => (this.time.now += days * DAY);
  /** A minute passes (a call's changes carry a time of their own). */
  tick = () => (this.time.now += 60_000);

  async call<T = unknown>(channel: ChannelName, input: unknown, as: Role | Caller = 'evaluator'): Promise<T> {
    const caller = typeof as === 'string' ? asRole(as, as === 'admin' ? '管理员' : '李考评') : as;
    const r = await this.app.callAs(caller, 'web', channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  }

  once<T>(key: string, f: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, f());
    return this.memo.get(key) as Promise<T>;
  }

  /** The 2026 plan, signed by every unit: the year is running. */
  running() {
    return this.once('running', async () => {
      const s = await samplePlan(this.app);
      const rows = await this.call<{ unitId: number }[]>('letters.list', { planId: s.plan.id });
      for (const r of rows) {
        await this.call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
        const signed = { signedDate: this.today(), partyASigner: '张县长', partyBSigner: '负责人' };
        await this.call('letters.sign', { planId: s.plan.id, unitId: r.unitId, ...signed });
      }
      await this.call('plans.setState', { id: s.plan.id, to: 'signed' });
      return { plan: s.plan, unitId: s.unitId };
    });
  }

  /** The 2027 plan, a draft copied from 2026. */
  next() {
    return this.once('next', async () => {
      const { plan } = await this.running();
      return this.call<{ id: number; year: number }>('plans.create', {
        year: 2027,
        title: '示例县2027年度目标管理考核方案',
        copyFrom: plan.id,
      });
    });
  }

  async unit(code = 'SX-FGJ') {
    return (await this.running()).unitId(code);
  }

  /** A target of the running year with its id and unit. */
  async target(code = 'SX-FGJ') {
    const { plan } = await this.running();
    const list = await this.call<{ id: number; kind: string }[]>('targets.list', {
      planId: plan.id,
      unitId: await this.unit(code),
    });
    return list.find((x) => x.kind === 'specific') ?? list[0]!;
  }

  /** A draft report of a target of the unit (a different unit gives a different report). */
  async report(quarter: number, code = 'SX-FGJ') {
    const t = await this.target(code);
    const row = await this.call<{ reportId: number }>('reports.save', {
      targetId: t.id,
      quarter,
      completionRate: 60,
      narrative: '按节点推进',
    });
    return row.reportId;
  }

  async notice(kind: 'inquiry' | 'supervision' | 'rectification' = 'inquiry', items = [{ text: '说明原因' }]) {
    const n = await this.call<{ id: number; replies: { id: number }[] }>('notices.create', {
      kind,
      unitId: await this.unit(),
      reason: '进度滞后。',
      items,
      workingDays: 5,
      contactName: '王某',
      contactPhone: '0000-1234567',
    });
    return n.id;
  }

  async replied(noticeId?: number) {
    const id = noticeId ?? (await this.notice());
    const n = await this.call<{ replies: { id: number }[] }>('notices.reply', {
      noticeId: id,
      content: '已说明原因',
      repliedOn: this.today(),
    });
    return { noticeId: id, replyId: n.replies.at(-1)!.id };
  }

  async rectification() {
    await this.notice('rectification', [{ text: '完成整改' }]);
    const list = await this.call<{ id: number; state: string }[]>('rectify.list', {});
    return list.filter((r) => r.state === 'open').at(-1)!.id;
  }

  check() {
    return this.once('check', async () => {
      const { plan } = await this.running();
      const c = await this.call<{ id: number }>('checks.save', {
        planId: plan.id,
        title: '2026年下半年督查',
        kind: 'half_year',
        team: '督查组',
        scope: '县直部门',
        checkDate: this.today(),
      });
      return c.id;
    });
  }

  async finding() {
    const c = await this.call<{ findings: { id: number }[] }>('findings.save', {
      checkId: await this.check(),
      unitId: await this.unit(),
      rating: 'lagging',
      description: '进度滞后',
      requiredAction: '报送赶超计划',
    });
    return c.findings.at(-1)!.id;
  }

  admin() {
    return this.once('admin', async () => {
      await addUser(this.app, 'guanli', 'admin');
      return 'guanli';
    });
  }

  private users = 0;
  async newUser(role: Role = 'evaluator') {
    const name = `yonghu${++this.users}`;
    const { id } = await addUser(this.app, name, role);
    return { id, name };
  }

  backup() {
    return this.call<{ file: string }>('backup.create', {}, 'admin');
  }

  async fresh(): Promise<TestApp> {
    const t = await testApp({ now: () => this.time.now });
    this.extra.push(t);
    return t;
  }
}
