import type { Caller, ChannelName, Role } from '../../electron/contract';
import type { App } from '../../electron/services/app';
import { addUser, asRole, GOOD_PASSWORD, signIn, testApp, type TestApp } from './app';
import { fixtureFile, samplePlan } from './sample-plan';

/**
 * One valid call for every channel that writes, in an order that walks the office's year: the setup of
 * each brings the shared world to what the call needs (through other channels), and returns the call.
 * tests/unit/services/write-channels.test.ts runs them and checks what each did to the travelling rows.
 */
export interface Step {
  input: unknown;
  as?: Role | Caller;
  /** Call through a signed-in session instead of a trusted caller. */
  session?: string;
  /** Run on this app instead of the world's (a new installation). */
  app?: TestApp;
}
export type Scenario = (w: World) => Promise<Step>;

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

const csv = (text: string) => ({ fileName: '日历.csv', base64: Buffer.from(text).toString('base64') });

/** Registered per write channel; the test fails for a writes: true channel that has none. */
export const writeScenarios: Partial<Record<ChannelName, Scenario>> = {
  'auth.setup': async (w) => ({
    app: await w.fresh(),
    input: { username: 'admin', displayName: '管理员', password: GOOD_PASSWORD },
  }),
  'auth.login': async (w) => ({ input: { username: await w.admin(), password: GOOD_PASSWORD } }),
  'auth.logout': async (w) => ({ session: await signIn(w.app, await w.admin()), input: {} }),
  'auth.lock': async (w) => ({ session: await signIn(w.app, await w.admin()), input: {} }),
  'auth.unlock': async (w) => {
    const session = await signIn(w.app, await w.admin());
    await w.app.call(session, 'web', 'auth.lock', {});
    return { session, input: { password: GOOD_PASSWORD } };
  },
  'auth.changePassword': async (w) => {
    const u = await w.newUser();
    return {
      session: await signIn(w.app, u.name),
      input: { oldPassword: GOOD_PASSWORD, newPassword: 'Kaoping#2027x' },
    };
  },
  'users.create': async () => ({
    as: 'admin',
    input: { username: 'kpy01', displayName: '考评员一', role: 'evaluator', password: GOOD_PASSWORD },
  }),
  'users.update': async (w) => ({ as: 'admin', input: { id: (await w.newUser()).id, displayName: '改名' } }),
  'users.resetPassword': async (w) => ({
    as: 'admin',
    input: { id: (await w.newUser()).id, password: 'Kaoping#2028' },
  }),
  'users.unlock': async (w) => ({ as: 'admin', input: { id: (await w.newUser()).id } }),
  'settings.update': async () => ({
    as: 'admin',
    input: { unitName: '示例县人民政府目标考评办公室', level: 'county' },
  }),
  'calendar.set': async () => ({ as: 'admin', input: { date: '2026-10-01', kind: 'holiday', note: '国庆节' } }),
  'calendar.remove': async (w) => {
    await w.call('calendar.set', { date: '2026-10-08', kind: 'holiday', note: '国庆节' }, 'admin');
    return { as: 'admin', input: { date: '2026-10-08' } };
  },
  'calendar.import': async () => ({
    as: 'admin',
    input: csv('日期,类型,说明\n2026-10-02,休,国庆\n2026-10-10,班,调休\n'),
  }),
  'categories.save': async () => ({ input: { name: '新设类别' } }),
  'categories.remove': async (w) => ({
    input: { id: (await w.call<{ id: number }>('categories.save', { name: '临时类别' })).id },
  }),
  'units.create': async () => ({ input: { code: 'WP-01', name: '写入测试单位', kind: 'department' } }),
  'units.update': async (w) => ({
    input: {
      id: (await w.call<{ id: number }>('units.create', { code: 'WP-02', name: '甲', kind: 'department' })).id,
      name: '乙',
    },
  }),
  'units.setActive': async (w) => ({
    input: {
      id: (await w.call<{ id: number }>('units.create', { code: 'WP-03', name: '丙', kind: 'department' })).id,
      active: false,
    },
  }),
  'units.setOwn': async (w) => ({
    input: { id: (await w.call<{ id: number }>('units.create', { code: 'WP-04', name: '丁', kind: 'county' })).id },
  }),
  'units.import': async () => ({ input: fixtureFile('org', 'sample-units.xlsx') }),
  'people.create': async (w) => ({ input: { name: '写入测试', unitId: await w.unit() } }),
  'people.update': async (w) => {
    const p = await w.call<{ id: number }>('people.create', { name: '调岗测试', unitId: await w.unit(), post: '科员' });
    return { input: { id: p.id, post: '副局长', duties: '分管综合' } };
  },
  'people.setActive': async (w) => ({
    input: {
      id: (await w.call<{ id: number }>('people.create', { name: '停用测试', unitId: await w.unit() })).id,
      active: false,
    },
  }),
  'people.import': async () => ({ input: fixtureFile('org', 'sample-people.xlsx') }),
  'backup.create': async () => ({ as: 'admin', input: {} }),
  'backup.restore': async (w) => ({ as: 'admin', input: { file: (await w.backup()).file, confirm: true } }),
  'backup.restoreNew': async (w) => ({
    app: await w.fresh(),
    as: 'admin',
    input: { file: (await w.backup()).file, confirm: true },
  }),
  'plans.create': async (w) => {
    const { plan } = await w.running();
    return { input: { year: 2028, title: '示例县2028年度目标管理考核方案', copyFrom: plan.id } };
  },
  'plans.update': async (w) => ({ input: { id: (await w.next()).id, basis: '依据县委县政府年度工作部署' } }),
  'indicators.save': async (w) => ({
    input: { planId: (await w.next()).id, isGroup: true, kind: 'common', name: '新设分组' },
  }),
  'indicators.remove': async (w) => {
    const planId = (await w.next()).id;
    const g = await w.call<{ id: number }>('indicators.save', {
      planId,
      isGroup: true,
      kind: 'bonus',
      name: '待删分组',
    });
    return { input: { id: g.id } };
  },
  'indicators.import': async (w) => ({
    input: { planId: (await w.next()).id, ...fixtureFile('plans', 'sample-indicators.xlsx') },
  }),
  'targets.save': async (w) => {
    const planId = (await w.next()).id;
    const t = (await w.call<{ indicatorId: number; unitId: number }[]>('targets.list', { planId }))[0]!;
    return { input: { planId, indicatorId: t.indicatorId, unitId: t.unitId, content: '新增一项目标', points: 1 } };
  },
  'targets.remove': async (w) => {
    const planId = (await w.next()).id;
    const t = (await w.call<{ indicatorId: number; unitId: number }[]>('targets.list', { planId }))[0]!;
    const added = await w.call<{ id: number }>('targets.save', {
      planId,
      indicatorId: t.indicatorId,
      unitId: t.unitId,
      content: '待删目标',
      points: 1,
    });
    return { input: { id: added.id } };
  },
  'targets.assignCommon': async (w) => {
    const planId = (await w.next()).id;
    const cats = await w.call<{ id: number; units: number }[]>('categories.list', {});
    return { input: { planId, categoryId: cats.find((c) => c.units > 0)!.id } };
  },
  'targets.import': async (w) => ({
    input: { planId: (await w.next()).id, ...fixtureFile('plans', 'sample-targets.xlsx') },
  }),
  'plans.setState': async (w) => {
    const planId = (await w.next()).id;
    // the copied plan balances except where the scenarios above added points: take those back out
    for (const t of await w.call<{ id: number; content: string }[]>('targets.list', { planId })) {
      if (t.content === '新增一项目标') await w.call('targets.remove', { id: t.id });
    }
    return { input: { id: planId, to: 'published' } };
  },
  'letters.generate': async (w) => ({ input: { planId: (await w.next()).id, unitId: await w.unit() } }),
  'letters.combine': async (w) => ({ input: { planId: (await w.next()).id } }),
  'letters.sign': async (w) => ({
    input: {
      planId: (await w.next()).id,
      unitId: await w.unit(),
      signedDate: w.today(),
      partyASigner: '张县长',
      partyBSigner: '负责人',
    },
  }),
  'letters.unsign': async (w) => ({
    input: { planId: (await w.next()).id, unitId: await w.unit(), reason: '签字人有误' },
  }),
  'documents.void': async (w) => {
    const planId = (await w.next()).id;
    const made = await w.call<{ documentId: number }>('letters.generate', { planId, unitId: await w.unit('SX-CZJ') });
    return { input: { id: made.documentId, reason: '内容有误' } };
  },
  'reports.save': async (w) => ({
    input: { targetId: (await w.target()).id, quarter: 2, completionRate: 40, narrative: '按节点推进' },
  }),
  'reports.submit': async (w) => ({ input: { reportId: await w.report(3) } }),
  'reports.review': async (w) => {
    const reportId = await w.report(3, 'SX-CZJ');
    await w.call('reports.submit', { reportId });
    return { input: { reportId, accept: false, reason: '佐证材料不全' } };
  },
  'reports.attach': async (w) => ({
    input: {
      reportId: await w.report(4),
      fileName: '佐证.pdf',
      base64: Buffer.from('%PDF-1.4 evidence').toString('base64'),
    },
  }),
  'reports.detach': async (w) => {
    const reportId = await w.report(4);
    const row = await w.call<{ attachments: { id: number }[] }>('reports.attach', {
      reportId,
      fileName: '待删.pdf',
      base64: Buffer.from('%PDF-1.4 to remove').toString('base64'),
    });
    return { input: { attachmentId: row.attachments.at(-1)!.id } };
  },
  'notices.create': async (w) => ({
    input: {
      kind: 'inquiry',
      unitId: await w.unit(),
      reason: '进度滞后。',
      items: [{ text: '说明原因' }],
      workingDays: 5,
      contactName: '王某',
      contactPhone: '0000-1234567',
    },
  }),
  'notices.reply': async (w) => ({
    input: { noticeId: await w.notice(), content: '已说明原因', repliedOn: w.today() },
  }),
  'notices.review': async (w) => ({
    input: { noticeId: (await w.replied()).noticeId, accept: false, note: '请补充材料' },
  }),
  'notices.extend': async (w) => ({
    input: { noticeId: await w.notice(), requestedOn: w.today(), to: '2026-12-31', reason: '需外单位配合' },
  }),
  'notices.attach': async (w) => ({
    input: {
      replyId: (await w.replied()).replyId,
      fileName: '回复.pdf',
      base64: Buffer.from('%PDF-1.4 reply').toString('base64'),
    },
  }),
  'notices.close': async (w) => {
    const { noticeId } = await w.replied();
    await w.call('notices.review', { noticeId, accept: true });
    return { input: { noticeId } };
  },
  'checks.save': async (w) => ({
    input: {
      planId: (await w.running()).plan.id,
      title: '专项督查',
      kind: 'ad_hoc',
      team: '督查组',
      scope: '重点项目',
      checkDate: w.today(),
    },
  }),
  'findings.save': async (w) => ({
    input: {
      checkId: await w.check(),
      unitId: await w.unit(),
      rating: 'serious',
      description: '严重滞后',
      requiredAction: '限期整改',
    },
  }),
  'findings.remove': async (w) => ({ input: { id: await w.finding() } }),
  'checks.report': async (w) => {
    await w.finding();
    return { input: { id: await w.check() } };
  },
  'rectify.done': async (w) => ({ input: { id: await w.rectification(), doneOn: w.today(), note: '已完成整改' } }),
  'rectify.verify': async (w) => {
    const id = await w.rectification();
    await w.call('rectify.done', { id, doneOn: w.today(), note: '已完成' });
    return { input: { id, ok: false, note: '整改不到位' } };
  },
  // last: the clock moves past the item's deadline
  'rectify.escalate': async (w) => {
    const id = await w.rectification();
    w.later(30);
    return { input: { id, reason: '逾期未整改' } };
  },
};
