import {
  buildPrintCover,
  type Block,
  type CheckReportInput,
  type EfficiencyReportInput,
  type NoticeInput,
  type OfficialDocument,
  buildCheckReport,
  buildEfficiencyReport,
  buildNotice,
  buildResponsibilityLetter,
  buildResultsBulletin,
  buildResultsPublicity,
} from '../../electron/core';
import { AWKWARD } from './awkward';
import { accountabilityCorpus } from './corpus-accountability';
import { peopleCorpus } from './corpus-people';
import { supervisionCorpus } from './corpus-supervision';
import { sampleRanking } from './sample-ranking';
import { type Checkpoint } from '../../electron/services/documents/checkpoint';
import { sampleNotice } from './sample-document';
import { sampleLetter } from './sample-letter';
import { LONG_TARGET, sampleVolume } from './sample-volume';

/** Documents of every kind the app builds, and documents made up to reach every corner of the layout. */

export { AWKWARD } from './awkward';

function notice(kind: NoticeInput['kind'], copyTo: string | null): NoticeInput {
  return {
    kind,
    issuer: '示例县人民政府目标考评办公室',
    number: `考评询〔2026〕${kind.length}号`,
    to: '示例县发展和改革局',
    reason: `你单位“完成全县固定资产投资年度目标”进度明显滞后（${AWKWARD}）。`,
    leader: '李红',
    source: kind === 'supervision' ? '县政府第12次常务会议决定' : null,
    items: [
      { text: '进度滞后的具体原因及责任人', lead: '刘𠇔', partners: '县财政局', deadline: '2026-10-16' },
      { text: '第四季度的赶超措施和时间安排', deadline: '2026-10-30' },
      { text: '需要县政府协调解决的问题' },
    ],
    replyBy: '2026-10-09',
    workingDays: 5,
    contact: { name: '王某', phone: '0000-1234567' },
    date: '2026-09-29',
    copyTo,
  };
}

function bulletin(): CheckReportInput {
  const ratings = ['on_track', 'lagging', 'serious'] as const;
  return {
    issuer: '示例县人民政府目标考评办公室',
    number: '考评通〔2026〕3号',
    title: '2026年上半年目标任务督查',
    kind: 'half_year',
    team: '县考评办会同县委督查室组成的3个督查组',
    scope: '县直各部门、各乡镇（共48家）',
    checkDate: '2026-07-06',
    recipients: '各乡镇人民政府，县直各部门',
    date: '2026-07-20',
    findings: Array.from({ length: 6 }, (_, i) => ({
      unit: `示例县第${i + 1}责任单位`,
      target: i % 3 === 2 ? null : { indicator: '固定资产投资', content: `全年增长8%以上，${AWKWARD}` },
      rating: ratings[i % 3]!,
      description: `上半年应完成年度目标的50%，实际完成${30 + i}%，进度滞后。`,
      requiredAction: `于2026年8月${10 + i}日前报送整改方案。`,
    })),
  };
}

/** 公布各部门审批绩效评分: the units, the cases over their limit, and the cost figures beside them. */
export function efficiencyReport(): EfficiencyReportInput {
  return {
    issuer: '示例县人民政府目标考评办公室',
    number: '考评效〔2026〕1号',
    period: '2026年第一季度',
    date: '2026-04-10',
    recipients: '各乡镇人民政府，县直各部门',
    rule: `按承诺时限（未填的按法定时限）以工作日计算（${AWKWARD}）。`,
    units: Array.from({ length: 14 }, (_, i) => ({
      unit: i % 5 === 4 ? `财政所（${AWKWARD}镇人民政府）` : `示例县第${i + 1}审批单位`,
      cases: 40 - i,
      onTime: 38 - i * 2,
      late: i,
      overdue: i % 3,
      pending: 1,
      rate: i === 13 ? null : 100 - i * 3.33,
      averageDays: i === 13 ? null : 2 + i / 4,
      points: i === 13 ? null : 5 - i * 0.2,
    })),
    pointsHeader: '得分（满分5分）',
    over: Array.from({ length: 9 }, (_, i) => ({
      unit: `示例县第${i + 1}审批单位`,
      item: i === 2 ? `建设工程规划许可证核发${AWKWARD}` : '企业投资项目备案',
      caseNo: `SP20260302000${i}`,
      acceptedOn: '2026-03-02',
      completedOn: i % 2 ? null : '2026-03-20',
      limit: `承诺${3 + i}日`,
      days: 10 + i,
      overBy: 7,
    })),
    costs: {
      year: 2026,
      method: '考核公用经费对照预算（权重50%）、三公经费对照上年（权重50%）',
      rows: Array.from({ length: 6 }, (_, i) => ({
        unit: `示例县第${i + 1}审批单位`,
        publicFunds: 210.5 + i,
        threePublic: 12.6,
        perStaff: 5.01,
        share: i === 5 ? '—' : `${100 - i * 10}%`,
        explain: i === 5 ? '不计分：缺少三公经费上年数' : `公用经费${210 + i}万元，预算200万元，执行105%，得分比例80%`,
      })),
    },
  };
}

function publicity() {
  return {
    issuer: '示例县人民政府目标考评办公室',
    number: '考评公〔2026〕1号',
    year: 2026,
    planTitle: `示例县2026年度目标管理考核方案${AWKWARD}`,
    categories: sampleRanking([3, 30], `单位${AWKWARD}`),
    period: { startDate: '2027-01-04', endDate: '2027-01-08', workingDays: 5 },
    phone: '0000-1234567',
    address: '县政府大楼3楼302室',
    date: '2027-01-04',
  };
}

const base = (o: Partial<OfficialDocument>): OfficialDocument => ({
  issuers: ['示例县人民政府目标考评办公室'],
  withWenjian: false,
  number: '考评〔2026〕1号',
  title: '关于测试的通知',
  recipients: '各单位',
  body: [{ kind: 'p', text: '正文。' }],
  attachmentNames: [],
  signature: { org: '示例县人民政府目标考评办公室', date: '2026-03-05' },
  note: null,
  attachments: [],
  colophon: { copyTo: '县政府办公室', printer: '示例县考评办', printDate: '2026-03-05' },
  ...o,
});

const bigTable: Extract<Block, { kind: 'table' }> = {
  kind: 'table',
  header: ['序号', '目标任务', '分值', '完成时限', '责任单位'],
  rows: [
    ['1', LONG_TARGET, '2.33', '2026年12月', '县发改局'],
    ['2', `短目标${AWKWARD}`, '10', '2026年6月', '县财政局\n县审计局'],
    ['合计', '', '12.33', '', ''],
  ],
  small: true,
  totals: [2],
  main: 1,
};

/** Single documents, by name. */
export function corpus(): [string, OfficialDocument][] {
  return [
    ['responsibility letter', buildResponsibilityLetter(sampleLetter(8))],
    // 演示数据: the mark on the first line at the left (README 演示数据)
    ['responsibility letter from demonstration data', { ...buildResponsibilityLetter(sampleLetter(8)), demo: true }],
    ['letter with a 770-character target', buildResponsibilityLetter(sampleLetter(3, { longTarget: LONG_TARGET }))],
    ['letter of 35 targets', buildResponsibilityLetter(sampleLetter(35, { unit: `单位${AWKWARD}` }))],
    ['notice (sample)', sampleNotice(12)],
    ['inquiry notice', buildNotice(notice('inquiry', '县政府办公室'))],
    ['supervision notice', buildNotice(notice('supervision', null))],
    ['rectification notice', buildNotice(notice('rectification', `县委办${AWKWARD}`))],
    ['bulletin', buildCheckReport(bulletin())],
    ...supervisionCorpus(),
    ...accountabilityCorpus(),
    ...peopleCorpus(),
    ['efficiency report with costs', buildEfficiencyReport(efficiencyReport())],
    [
      'efficiency report, no cases over, no costs, no points',
      buildEfficiencyReport({ ...efficiencyReport(), over: [], costs: null, pointsHeader: null }),
    ],
    ['results publicity (公示)', buildResultsPublicity(publicity())],
    [
      'results bulletin (通报)',
      buildResultsBulletin({
        ...publicity(),
        recipients: '各被考核单位',
        objections: { received: 3, upheld: 1 },
        rewards: `对优秀等次单位予以通报表扬${AWKWARD}`,
      }),
    ],
    [
      'print cover list (打印清单)',
      buildPrintCover({
        office: '示例县人民政府目标考评办公室',
        today: '2026-03-05',
        lines: [
          { number: '考评〔2026〕3号', title: `关于${AWKWARD}的目标责任书`, unit: `单位${AWKWARD}` },
          { number: '考评询〔2026〕1号', title: '问询通知书', unit: null },
        ],
      }),
    ],
    ['empty body, no colophon', base({ body: [], colophon: null })],
    ['empty body, no recipients, no number', base({ body: [], recipients: null, number: null })],
    [
      'joint issuers 文件, multi-line title, attachments, note',
      base({
        issuers: ['中共示例县委办公室', '示例县人民政府办公室', '示例县考评办'],
        withWenjian: true,
        title: `关于${AWKWARD}的\n第二行标题\n第三行`,
        body: [
          { kind: 'h1', text: '一、总体要求' },
          { kind: 'h2', text: `（一）${AWKWARD}` },
          { kind: 'h3', text: '1. 第三级' },
          { kind: 'p', text: AWKWARD.repeat(30) },
          bigTable,
        ],
        attachmentNames: ['附件甲。', `附件乙${AWKWARD}`],
        attachments: [
          { title: '附件甲', body: [bigTable] },
          { title: `附件乙\n${AWKWARD}`, body: [] },
        ],
        note: `联系人：王某${AWKWARD}`,
        colophon: {
          copyTo: `各乡镇${AWKWARD}，县直各部门`.repeat(6),
          printer: '示例县考评办',
          printDate: '2026-03-05',
        },
      }),
    ],
    [
      'parties and a big-table ending, no colophon copy',
      base({
        body: [
          { kind: 'p', text: '甲乙双方签订本责任书。' },
          {
            kind: 'parties',
            parties: [
              { label: '甲方（盖章）', org: '示例县人民政府', signer: '县长：' },
              { label: '乙方（盖章）', org: AWKWARD, signer: '' },
            ],
          },
          { ...bigTable, small: false, main: undefined, totals: undefined },
        ],
        colophon: { copyTo: null, printer: '示例县考评办', printDate: '2026-12-31' },
      }),
    ],
    [
      'a one-page text closed up to fit its 落款',
      base({ body: Array.from({ length: 9 }, () => ({ kind: 'p' as const, text: '一段正文。'.repeat(10) })) }),
    ],
  ];
}

/** A volume's letters, with and without a colophon. */
export const volumeDocs = (): OfficialDocument[] => sampleVolume().slice(0, 6).map(buildResponsibilityLetter);

export const checkpoint = (chainOk: boolean): Checkpoint => ({
  unitName: `单位${AWKWARD}`,
  nodeId: 'node-1',
  madeAt: '2026-01-01 10:00',
  madeBy: '审计员',
  seq: 5,
  count: 9,
  hash: 'ab01'.repeat(16),
  chainOk,
  findings: ['第3条记录被改动', AWKWARD],
});

/** A seeded generator (mulberry32), so that a failing model can be made again. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

const PIECES = [
  '目标',
  '考核',
  '，',
  '。',
  '堃',
  '𠮷',
  '𠇔',
  '&',
  '"',
  "'",
  '<',
  '>',
  'A',
  '9',
  '%',
  ' ',
  '\t',
  '\u0001',
  '（',
  '）',
  '2.5',
  '—',
];

/** A made-up document: any mix of blocks, lengths, issuers, attachments and colophon. */
export function randomDocument(seed: number): OfficialDocument {
  const r = random(seed);
  const text = (most: number) => Array.from({ length: 1 + r.int(most) }, () => r.pick(PIECES)).join('');
  const block = (): Block => {
    const k = r.int(6);
    if (k < 4) return { kind: (['p', 'h1', 'h2', 'h3'] as const)[k]!, text: text(k === 0 ? 200 : 20) };
    if (k === 4) {
      const cols = 2 + r.int(5);
      const rows = Array.from({ length: 1 + r.int(6) }, () =>
        Array.from({ length: cols }, () => text(r.next() < 0.2 ? 700 : 15)),
      );
      return {
        kind: 'table',
        header: Array.from({ length: cols }, () => text(6)),
        rows,
        small: r.next() < 0.5,
        totals: r.next() < 0.5 ? [rows.length - 1] : undefined,
        main: r.next() < 0.5 ? r.int(cols) : undefined,
      };
    }
    return {
      kind: 'parties',
      parties: Array.from({ length: 1 + r.int(3) }, () => ({ label: text(5), org: text(10), signer: text(5) })),
    };
  };
  const blocks = (most: number) => Array.from({ length: r.int(most) }, block);
  const names = Array.from({ length: r.int(3) }, () => text(12));
  return {
    issuers: Array.from({ length: 1 + r.int(3) }, () => text(10)),
    withWenjian: r.next() < 0.5,
    number: r.next() < 0.3 ? null : `考评〔2026〕${r.int(100)}号`,
    title: Array.from({ length: 1 + r.int(3) }, () => text(15)).join('\n'),
    recipients: r.next() < 0.3 ? null : text(20),
    body: blocks(8),
    attachmentNames: names,
    signature: { org: text(12), date: '2026-03-05' },
    note: r.next() < 0.5 ? null : text(30),
    attachments: names.map((n) => ({ title: n, body: blocks(3) })),
    colophon:
      r.next() < 0.3 ? null : { copyTo: r.next() < 0.5 ? null : text(80), printer: text(10), printDate: '2026-03-05' },
  };
}
