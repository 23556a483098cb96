import type { Caller } from '../../contract';
import type { App } from '../app';
import { todayOf } from '../org/write';

/** The accounts the demonstration county is made with (README 演示数据); the password is for the demonstration only. */
export const DEMO_ACCOUNTS = {
  admin: { username: '演示管理员', displayName: '演示管理员' },
  evaluator: { username: '演示考评员', displayName: '演示考评员' },
} as const;
export const DEMO_PASSWORD = 'Yanshi#2026demo';

const OFFICE = '演示县人民政府目标考评办公室';
const COUNTY = '演示县人民政府';

/** ~20 units: the county, its departments (党群, 政府工作部门, 垂直管理) and its towns. */
const UNITS: { code: string; name: string; kind: 'county' | 'department' | 'township'; category: string | null }[] = [
  { code: 'Y00', name: '演示县人民政府', kind: 'county', category: null },
  { code: 'Y01', name: '中共演示县委办公室', kind: 'department', category: '党群部门' },
  { code: 'Y02', name: '中共演示县委组织部', kind: 'department', category: '党群部门' },
  { code: 'Y03', name: '中共演示县委宣传部', kind: 'department', category: '党群部门' },
  { code: 'Y11', name: '演示县发展和改革局', kind: 'department', category: '政府工作部门' },
  { code: 'Y12', name: '演示县教育局', kind: 'department', category: '政府工作部门' },
  { code: 'Y13', name: '演示县财政局', kind: 'department', category: '政府工作部门' },
  { code: 'Y14', name: '演示县自然资源局', kind: 'department', category: '政府工作部门' },
  { code: 'Y15', name: '演示县住房和城乡建设局', kind: 'department', category: '政府工作部门' },
  { code: 'Y16', name: '演示县交通运输局', kind: 'department', category: '政府工作部门' },
  { code: 'Y17', name: '演示县农业农村局', kind: 'department', category: '政府工作部门' },
  { code: 'Y18', name: '演示县卫生健康局', kind: 'department', category: '政府工作部门' },
  { code: 'Y19', name: '演示县应急管理局', kind: 'department', category: '政府工作部门' },
  { code: 'Y31', name: '演示县税务局', kind: 'department', category: '垂直管理单位' },
  { code: 'Y32', name: '演示县气象局', kind: 'department', category: '垂直管理单位' },
  { code: 'Y51', name: '城关镇人民政府', kind: 'township', category: '乡镇街道' },
  { code: 'Y52', name: '东河镇人民政府', kind: 'township', category: '乡镇街道' },
  { code: 'Y53', name: '西山乡人民政府', kind: 'township', category: '乡镇街道' },
  { code: 'Y54', name: '南湖乡人民政府', kind: 'township', category: '乡镇街道' },
  { code: 'Y55', name: '北岭镇人民政府', kind: 'township', category: '乡镇街道' },
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '海燕', '志强', '秀兰', '文华', '晓东', '丽萍', '国庆', '春梅', '明亮'];

/**
 * Builds the demonstration county through the channels, as its first administrator and evaluator would: accounts,
 * the office's settings, units and their heads, a 2026 plan with indicators of every kind and targets, published,
 * every letter generated and signed, some accepted progress reports and two notices. Runs once, on the first start
 * of a new demonstration folder.
 */
export async function seedDemoCounty(app: App, now: number): Promise<void> {
  const setup = await app.call(null, 'cli', 'auth.setup', { ...DEMO_ACCOUNTS.admin, password: DEMO_PASSWORD });
  if (!setup.ok) throw new Error(`演示数据：${setup.error.message}`);
  const adminId = (setup.value as { user: { id: number } }).user.id;
  app.sessions.clear();
  const as =
    (caller: Caller) =>
    async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await app.callAs(caller, 'cli', channel, input);
      if (!r.ok) throw new Error(`演示数据（${channel}）：${r.error.message}`);
      return r.value as T;
    };
  const admin = as({ userId: adminId, username: DEMO_ACCOUNTS.admin.username, role: 'admin' });
  const ev = await admin<{ id: number }>('users.create', {
    ...DEMO_ACCOUNTS.evaluator,
    role: 'evaluator',
    password: DEMO_PASSWORD,
  });
  const call = as({ userId: ev.id, username: DEMO_ACCOUNTS.evaluator.username, role: 'evaluator' });
  await admin('settings.update', { unitName: OFFICE });
  await call('settings.updateBusiness', {
    issuingBodies: [OFFICE],
    letterPartyA: COUNTY,
    letterPartyASigner: '赵县长',
  });

  const categories = await call<{ id: number; name: string }[]>('categories.list', {});
  const categoryId = (name: string | null) => categories.find((c) => c.name === name)?.id ?? null;
  const units: { id: number; code: string; category: string | null }[] = [];
  for (const [i, u] of UNITS.entries()) {
    const row = await call<{ id: number }>('units.create', {
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: i === 0 ? null : units[0]!.id,
      categoryId: categoryId(u.category),
      sortOrder: i + 1,
    });
    units.push({ id: row.id, code: u.code, category: u.category });
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[i % GIVEN.length]!;
    await call('people.create', {
      name,
      unitId: row.id,
      post: u.kind === 'township' ? '党委书记' : '主要负责人',
      isLeader: true,
      isUnitHead: true,
    });
  }

  const plan = await call<{ id: number }>('plans.create', { year: 2026, title: '演示县2026年度目标管理考核方案' });
  const indicator = (input: Record<string, unknown>) =>
    call<{ id: number }>('indicators.save', { planId: plan.id, ...input });
  const group = (kind: string, name: string) => indicator({ isGroup: true, kind, name });
  const common = await group('common', '共性指标');
  await indicator({
    parentId: common.id,
    kind: 'common',
    name: '党风廉政建设',
    points: 20,
    standard: '按县纪委考核结果计分',
  });
  await indicator({
    parentId: common.id,
    kind: 'common',
    name: '安全生产',
    points: 20,
    standard: '发生责任事故的不得分',
  });
  const specific = await indicator({
    parentId: (await group('specific', '个性指标')).id,
    kind: 'specific',
    name: '重点工作任务',
    points: 60,
    standard: '按目标完成比例计分',
  });
  await indicator({
    parentId: (await group('bonus', '加分项目')).id,
    kind: 'bonus',
    name: '创新工作加分',
    points: 3,
    params: { method: 'per_occurrence', each: 1, cap: 3 },
    standard: '获省级以上表彰的加分',
  });
  await indicator({
    parentId: (await group('deduction', '扣分项目')).id,
    kind: 'deduction',
    name: '通报批评扣分',
    points: 5,
    params: { method: 'per_occurrence', each: 1, cap: 5 },
    standard: '被县级以上通报批评的扣分',
  });
  await indicator({
    parentId: (await group('veto', '一票否决')).id,
    kind: 'veto',
    name: '一票否决事项',
    params: { method: 'veto' },
    standard: '发生重大安全事故或违纪违法案件的年度考核为不合格',
  });

  for (const c of categories) await call('targets.assignCommon', { planId: plan.id, categoryId: c.id });
  const targets: number[] = [];
  for (const u of units.filter((x) => x.category))
    targets.push(
      (
        await call<{ id: number }>('targets.save', {
          planId: plan.id,
          indicatorId: specific.id,
          unitId: u.id,
          content: '完成县委、县政府部署的年度重点工作任务，按季度报送进展',
          points: 60,
        })
      ).id,
    );
  await call('plans.setState', { id: plan.id, to: 'published' });
  // every unit's letter generated and signed, so that the plan stands signed and progress can be reported
  const signedDate = todayOf(now);
  for (const r of await call<{ unitId: number }[]>('letters.list', { planId: plan.id })) {
    await call('letters.generate', { planId: plan.id, unitId: r.unitId });
    await call('letters.sign', {
      planId: plan.id,
      unitId: r.unitId,
      signedDate,
      partyASigner: '赵县长',
      partyBSigner: '主要负责人',
    });
  }
  await call('plans.setState', { id: plan.id, to: 'signed' });

  // the first quarter's progress of four units, reported and accepted
  for (const [i, targetId] of targets.slice(0, 4).entries()) {
    const { reportId } = await call<{ reportId: number }>('reports.save', {
      targetId,
      quarter: 1,
      completionRate: 20 + i * 5,
      narrative: '已按季度节点推进，完成阶段任务。',
    });
    await call('reports.submit', { reportId });
    await call('reports.review', { reportId, accept: true });
  }
  const contact = { contactName: '演示考评员', contactPhone: '0000-0000000' };
  const townIds = units.filter((x) => x.category === '乡镇街道').map((x) => x.id);
  await call('notices.create', {
    kind: 'inquiry',
    unitId: townIds[0],
    reason: '第一季度重点工作任务进度滞后。',
    items: [{ text: '说明进度滞后的原因' }, { text: '提出下步赶进度的措施' }],
    workingDays: 5,
    ...contact,
  });
  await call('notices.create', {
    kind: 'supervision',
    unitId: townIds[1],
    reason: '安全生产目标任务督查发现问题。',
    items: [{ text: '对督查发现的问题逐项整改' }],
    workingDays: 10,
    ...contact,
  });
}
