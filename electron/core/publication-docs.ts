import { type Block, type OfficialDocument } from './documents/model';
import { periodText } from './publication';
import type { YearScores } from './scoring-year';

/** The 公示 and the 通报 of a year's assessment results, as document models (services/documents renders them). */

export interface RankingRow {
  rank: number;
  unit: string;
  total: number;
  grade: string;
}

export interface RankingCategory {
  name: string;
  rows: RankingRow[];
}

/** The ranking per category, in the order the results list it (category, then place). */
export function rankingOf(s: Pick<YearScores, 'units' | 'ranks' | 'grades'>): RankingCategory[] {
  const units = new Map(s.units.map((u) => [u.unitId, u]));
  const grades = new Map(s.grades.map((g) => [g.unitId, g.grade]));
  const out = new Map<number, RankingCategory>();
  for (const r of [...s.ranks].sort((a, b) => a.categoryId - b.categoryId || a.position - b.position)) {
    const u = units.get(r.unitId);
    if (!u) continue;
    let c = out.get(r.categoryId);
    if (!c) out.set(r.categoryId, (c = { name: u.categoryName, rows: [] }));
    c.rows.push({ rank: r.rank, unit: u.name, total: u.total, grade: grades.get(u.unitId) ?? '待定' });
  }
  return [...out.values()];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const sub = (i: number) => `（${NUMERALS[i] ?? String(i + 1)}）`;

function rankingBlocks(categories: RankingCategory[]): Block[] {
  return categories.flatMap((c, i): Block[] => [
    { kind: 'h2', text: `${sub(i)}${c.name}（${c.rows.length}个单位）` },
    {
      kind: 'table',
      header: ['名次', '单位', '考核得分', '等次'],
      // two decimals throughout, so the scores line up in their column
      rows: c.rows.map((r) => [String(r.rank), r.unit, r.total.toFixed(2), r.grade]),
      small: true,
      main: 1,
    },
  ]);
}

/** How the grades fell: 优秀12个、良好20个…, in the order the grades first appear in the ranking. */
export function gradeCountText(categories: RankingCategory[]): string {
  const counts = new Map<string, number>();
  for (const c of categories) for (const r of c.rows) counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1);
  return [...counts].map(([g, n]) => `${g}${n}个`).join('、');
}

export interface ResultsPublicityInput {
  issuer: string;
  number: string;
  year: number;
  /** The plan's title, cited as the basis: 《…》. */
  planTitle: string;
  categories: RankingCategory[];
  period: { startDate: string; endDate: string; workingDays: number };
  phone: string;
  address: string;
  date: string;
}

export const publicityTitle = (year: number) => `关于${year}年度目标管理考核结果的公示`;
export const bulletinTitle = (year: number) => `关于${year}年度目标管理考核结果的通报`;

/** 公示: the basis, the ranking per category with grades, the period, how to object, 特此公示. */
export function buildResultsPublicity(c: ResultsPublicityInput): OfficialDocument {
  const units = c.categories.reduce((n, x) => n + x.rows.length, 0);
  const where = [c.address && `受理地址：${c.address}`, c.phone && `联系电话：${c.phone}`].filter(Boolean).join('；');
  return {
    issuers: [c.issuer],
    withWenjian: false,
    number: c.number,
    title: publicityTitle(c.year),
    recipients: null,
    body: [
      {
        kind: 'p',
        text:
          `根据《${c.planTitle}》，经各考核责任单位评分、${c.issuer}汇总审核，${c.year}年度${units}个被考核单位的` +
          '目标管理考核结果已经产生。为增强考核工作的透明度，接受社会和群众监督，现将考核结果予以公示。',
      },
      { kind: 'h1', text: '一、考核结果' },
      ...rankingBlocks(c.categories),
      { kind: 'h1', text: '二、公示时间' },
      { kind: 'p', text: `公示期为${periodText(c.period)}。` },
      { kind: 'h1', text: '三、意见反映方式' },
      {
        kind: 'p',
        text:
          `公示期间，对考核结果有异议的，请以书面形式向${c.issuer}反映，并署真实姓名、单位和联系方式，` +
          `以便调查核实和答复${where ? `。${where}` : ''}。公示期满后提出的异议不予受理。`,
      },
      { kind: 'p', text: '特此公示。' },
    ],
    attachmentNames: [],
    signature: { org: c.issuer, date: c.date },
    note: null,
    attachments: [],
    colophon: null,
  };
}

export interface ResultsBulletinInput {
  issuer: string;
  number: string;
  year: number;
  planTitle: string;
  recipients: string;
  categories: RankingCategory[];
  period: { startDate: string; endDate: string; workingDays: number };
  objections: { received: number; upheld: number };
  /** The year-end rewards as the office words them (奖惩), if decided. */
  rewards: string | null;
  date: string;
}

/** 通报: how the results came about (公示, objections handled), the ranking per category, the grades, what follows. */
export function buildResultsBulletin(c: ResultsBulletinInput): OfficialDocument {
  const units = c.categories.reduce((n, x) => n + x.rows.length, 0);
  const o = c.objections;
  const handled =
    o.received === 0
      ? '公示期间未收到异议'
      : `公示期间共收到异议${o.received}件，经调查核实均已答复，其中异议成立${o.upheld}件` +
        (o.upheld ? '，已据此重新评分' : '');
  const blocks: Block[] = [
    {
      kind: 'p',
      text:
        `根据《${c.planTitle}》，${c.issuer}组织对${units}个被考核单位${c.year}年度目标任务完成情况进行了考核。` +
        `考核结果${periodText(c.period)}进行了公示，${handled}。现将考核结果通报如下：`,
    },
    { kind: 'h1', text: '一、考核结果' },
    ...rankingBlocks(c.categories),
    { kind: 'h1', text: '二、等次情况' },
    { kind: 'p', text: `${c.year}年度共评定${gradeCountText(c.categories)}。` },
  ];
  if (c.rewards) blocks.push({ kind: 'h1', text: '三、奖惩兑现' }, { kind: 'p', text: c.rewards });
  blocks.push(
    { kind: 'h1', text: `${c.rewards ? '四' : '三'}、有关要求` },
    {
      kind: 'p',
      text:
        '希望考核结果靠前的单位珍惜荣誉、再接再厉；考核结果靠后的单位要认真查找差距，分析原因，制定整改措施，' +
        `并于本通报印发之日起30日内将整改情况书面报送${c.issuer}。`,
    },
  );
  return {
    issuers: [c.issuer],
    withWenjian: false,
    number: c.number,
    title: bulletinTitle(c.year),
    recipients: c.recipients,
    body: blocks,
    attachmentNames: [],
    signature: { org: c.issuer, date: c.date },
    note: null,
    attachments: [],
    colophon: { copyTo: null, printer: c.issuer, printDate: c.date },
  };
}
