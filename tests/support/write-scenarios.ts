import type { Caller, ChannelName, Role } from '../../electron/contract';
import { GOOD_PASSWORD, signIn, type TestApp } from './app';
import { fixtureFile } from './sample-plan';
import { scoreEntryScenarios } from './score-entry-world';
import { supervisionScenarios } from './write-scenarios-supervision';
import { exchangeScenarios } from './exchange-scenarios';
import { objectionOf, upheldWorld } from './publication-world';
import { publicationScenarios } from './publication-scenarios';
import type { World } from './world';
import { caseScenarios } from './case-scenarios';
import { staffScenarios } from './staff-scenarios';

export { World } from './world';

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

const csv = (text: string, fileName = '日历.csv') => ({ fileName, base64: Buffer.from(text).toString('base64') });
const approvals = csv(
  '单位,办件编号,事项名称,受理日期,办结日期,法定时限,承诺时限\n' +
    'SX-FGJ,SP2026070001,企业投资项目备案,2026-07-06,2026-07-08,5,3\n' +
    'SX-FGJ,SP2026070002,固定资产投资项目节能审查,2026.7.10,,20,10\n',
  '审批办件.csv',
);

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
  'settings.updateBusiness': async () => ({
    input: { issuingBodies: ['示例县人民政府目标考评办公室'], letterPartyASigner: '张县长' },
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
  'letters.generateMany': async (w) => ({
    input: { planId: (await w.next()).id, unitIds: [await w.unit(), await w.unit('SX-CGZ')] },
  }),
  'letters.reissue': async (w) => {
    const planId = (await w.next()).id;
    const unitId = await w.unit('SX-JYJ');
    await w.call('letters.generate', { planId, unitId });
    return { input: { planId, unitId, reason: '原件遗失' } };
  },
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
  'letters.signMany': async (w) => {
    const signed = { signedDate: w.today(), partyASigner: '张县长', partyBSigner: '负责人' };
    return {
      input: {
        planId: (await w.next()).id,
        rows: [
          { unitId: await w.unit(), ...signed },
          { unitId: await w.unit('SX-CGZ'), ...signed },
        ],
      },
    };
  },
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
  // results, scoring rules and rewards (#16 items 4 and 6): each save is a new version row
  'results.saveRules': async (w) => ({
    input: {
      planId: (await w.running()).plan.id,
      rules: {
        bonusCap: 3,
        deductionCap: null,
        order: ['veto', 'total', 'deduction'],
        grading: { by: 'threshold', steps: [{ grade: '优秀', min: 90 }], rest: '合格', vetoGrade: '不合格' },
      },
      reason: '县考评委员会第一次会议决定',
    },
  }),
  'rewards.saveRules': async (w) => ({
    input: {
      planId: (await w.running()).plan.id,
      method: { by: 'score', base: 10000, fullScore: 100 },
      reason: '按预算',
    },
  }),
  'rule-tables.save': async (w) => {
    const t = (await w.call<{ id: number; kind: string; currentVersion: number }[]>('rule-tables.list', {})).find(
      (x) => x.kind === 'unit_deductions',
    );
    const got = await w.call<{ version: { rows: Record<string, unknown>[] } }>('rule-tables.get', { id: t!.id });
    const rows = got.version.rows.map((r) => (r.code === 'notice_overdue' ? { ...r, points: 1 } : r));
    return { input: { id: t!.id, basedOn: t!.currentVersion, rows, reason: '按新考核办法调整' } };
  },
  // last: the clock moves past the item's deadline
  'rectify.escalate': async (w) => {
    const id = await w.rectification();
    w.later(30);
    return { input: { id, reason: '逾期未整改' } };
  },
  // 审批效率与行政成本
  'efficiency.import': async () => ({ input: approvals }),
  'efficiency.publish': async (w) => {
    await w.once('approvals', () => w.call('efficiency.import', approvals));
    return { input: { year: 2026, quarter: 3 } };
  },
  'cost.import': async () => ({
    input: csv('单位,年度,公用经费,三公经费,人数,公用经费预算\nSX-FGJ,2026,210,12.6,42,200\n', '行政成本.csv'),
  }),
  'cost.setMethod': async () => ({
    input: { method: { parts: [{ measure: 'public', basis: 'budget', weight: 1 }], steps: [{ max: 100, share: 1 }] } },
  }),
  // score entry (issue #16): the running year moves on to 考核评分
  ...scoreEntryScenarios,
  ...supervisionScenarios,
  // 公示 and 异议, on an installation of their own whose plan is in 考核评分 (the world's stays where it is)
  ...publicationScenarios,
  ...caseScenarios,
  ...staffScenarios,
  ...exchangeScenarios,
  // last: the period runs out
  'publications.notify': async (w) => {
    const y = await upheldWorld(w);
    if ((await objectionOf(y)).rescoring) await y.call('objections.refreeze', { id: y.objectionId });
    w.later(20);
    return { app: y.t, input: { planId: y.planId } };
  },
};
