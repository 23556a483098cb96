/**
 * 公布各部门审批绩效评分 (seed 二.3), a 通报: the period's on-time rates unit by unit, the cases over their limit,
 * and beside them the year's administrative cost figures (seed 二.1) as a second table of the same document — one
 * publication the departments read together, as the seed asks (“将每个部门的行政效率和行政成本量化”).
 */

import { type Block, type OfficialDocument, chineseDate } from './documents/model';

export interface EfficiencyReportInput {
  issuer: string;
  number: string;
  /** 2026年第一季度. */
  period: string;
  date: string;
  recipients: string;
  rule: string;
  units: {
    unit: string;
    cases: number;
    onTime: number;
    late: number;
    overdue: number;
    pending: number;
    rate: number | null;
    averageDays: number | null;
    /** The efficiency indicator's points, when the plan has one. */
    points?: number | null;
  }[];
  /** 得分（满分5分）: set when the units carry points. */
  pointsHeader?: string | null;
  over: {
    unit: string;
    item: string;
    caseNo: string;
    acceptedOn: string;
    completedOn: string | null;
    limit: string;
    days: number;
    overBy: number;
  }[];
  costs: {
    year: number;
    method: string;
    rows: {
      unit: string;
      publicFunds: number;
      threePublic: number;
      perStaff: number;
      share: string;
      explain: string;
    }[];
  } | null;
}

const num = (x: number | null | undefined, suffix = '') =>
  x === null || x === undefined ? '—' : `${Math.round(x * 100) / 100}${suffix}`;
const wan = (x: number) => String(Math.round(x * 100) / 100);

/** 3月2日 within the year of the document, 2025年12月30日 otherwise: the over-limit table stays narrow. */
function shortDate(iso: string, docDate: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${String(y) === docDate.slice(0, 4) ? '' : `${y}年`}${m}月${d}日`;
}

export const efficiencyReportTitle = (period: string) => `关于公布${period}各部门审批绩效评分的通报`;

export function buildEfficiencyReport(r: EfficiencyReportInput): OfficialDocument {
  const total = r.units.reduce((a, u) => a + u.cases, 0);
  const judged = r.units.reduce((a, u) => a + u.onTime + u.late + u.overdue, 0);
  const onTime = r.units.reduce((a, u) => a + u.onTime, 0);
  const rate = judged ? Math.round((onTime / judged) * 10000) / 100 : null;
  const withPoints = !!r.pointsHeader;
  const body: Block[] = [
    {
      kind: 'p',
      text:
        `根据年度目标管理考核办法，现将${r.period}各部门行政审批办理情况和审批绩效评分予以公布。` +
        `本期共受理审批事项${total}件，按时办结率${num(rate, '%')}。` +
        '表中“超过时限”含超期办结和逾期未办结的办件，用时、时限和超出天数均以工作日计。',
    },
    { kind: 'h1', text: '一、计算办法' },
    { kind: 'p', text: r.rule },
    { kind: 'h1', text: '二、各部门审批绩效' },
    {
      kind: 'table',
      small: true,
      main: 1,
      header: [
        '序号',
        '单位',
        '办件数',
        '按时办结',
        '超过时限',
        '按时办结率（%）',
        '平均用时',
        ...(withPoints ? [r.pointsHeader!] : []),
      ],
      rows: r.units.map((u, i) => [
        String(i + 1),
        u.unit,
        String(u.cases),
        String(u.onTime),
        String(u.late + u.overdue),
        num(u.rate),
        num(u.averageDays),
        ...(withPoints ? [num(u.points)] : []),
      ]),
    },
    { kind: 'h1', text: '三、超过时限的办件' },
    r.over.length
      ? {
          kind: 'table',
          small: true,
          main: 2,
          header: ['序号', '单位', '事项（办件编号）', '受理', '办结', '时限', '超出'],
          rows: r.over.map((o, i) => [
            String(i + 1),
            o.unit,
            `${o.item}（${o.caseNo}）`,
            shortDate(o.acceptedOn, r.date),
            o.completedOn ? shortDate(o.completedOn, r.date) : '未办结',
            o.limit,
            `${o.overBy}日`,
          ]),
        }
      : { kind: 'p', text: '本期没有超过时限的办件。' },
  ];
  if (r.costs) {
    body.push(
      { kind: 'h1', text: `四、${r.costs.year}年度各部门行政成本` },
      { kind: 'p', text: `计分办法：${r.costs.method}。金额单位：万元。` },
      {
        kind: 'table',
        small: true,
        main: 4,
        header: ['序号', '单位', '公用经费', '三公经费', '计分情况', '得分比例'],
        rows: r.costs.rows.map((c, i) => [
          String(i + 1),
          c.unit,
          wan(c.publicFunds),
          wan(c.threePublic),
          c.explain,
          c.share,
        ]),
      },
    );
  }
  body.push(
    { kind: 'h1', text: `${r.costs ? '五' : '四'}、有关要求` },
    {
      kind: 'p',
      text:
        '各部门要对照通报情况，对超过时限的办件逐件查明原因、落实整改，严格执行承诺时限；按时办结率低、行政成本超出预算或较上年增长的部门，' +
        '要分析原因、提出改进措施。审批绩效和行政成本纳入年度目标管理考核。',
    },
  );
  return {
    issuers: [r.issuer],
    withWenjian: false,
    number: r.number,
    title: efficiencyReportTitle(r.period),
    recipients: r.recipients,
    body,
    attachmentNames: [],
    signature: { org: r.issuer, date: r.date },
    note: null,
    attachments: [],
    colophon: { copyTo: null, printer: r.issuer, printDate: r.date },
  };
}

/** 2026-03-07 → 2026年3月7日, for the list's dates in words where a document wants them. */
export const efficiencyDate = chineseDate;
