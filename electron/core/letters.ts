import { type Block, type OfficialDocument, chineseDate } from './documents/model';
import { type IndicatorKindName, type MethodParams, baseKinds, cents, describeMethod, formatPoints } from './plans';

/** The standard clauses an office words once, in settings, and every letter prints. */
export interface LetterClauses {
  partyA: string;
  partyB: string;
  rewards: string;
  other: string;
}

export const defaultLetterClauses: LetterClauses = {
  partyA:
    '甲方负责对乙方目标任务完成情况进行跟踪督查和考核评价，及时协调解决目标推进中的重大问题，按季度通报进展情况，年终依据考核办法组织考核并公布结果。',
  partyB:
    '乙方主要负责人为目标任务第一责任人，分管负责人为直接责任人。乙方应将目标任务分解到岗、落实到人，按季度节点推进，每季度结束后5个工作日内报送进展情况及佐证材料，如实反映存在的问题，主动接受监督检查。',
  rewards:
    '年终考核结果分为优秀、良好、一般、较差四个等次，作为评先评优、干部选拔任用和绩效奖励的重要依据。对未完成目标任务或在监督检查中发现问题未按期整改的，依照有关规定予以问询、督办、通报批评直至问责；发生一票否决事项的，' +
    '取消年度评先评优资格。',
  other: '本责任书一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。未尽事宜，由甲方负责解释。',
};

export interface LetterItem {
  group: string;
  kind: IndicatorKindName;
  indicator: string;
  points: number;
  method: MethodParams;
  standard: string;
  scoringBody: string;
  /** The unit's targets under it; base items with none print the indicator alone. */
  targets: {
    content: string;
    targetValue: string | null;
    measureUnit: string | null;
    points: number;
    leader: string | null;
    isKey: boolean;
    isMajor: boolean;
  }[];
}

export interface LetterInput {
  issuer: string;
  number: string;
  year: number;
  planTitle: string;
  basis: string;
  periodStart: string;
  periodEnd: string;
  total: number;
  /** 甲方: the body the unit answers to. */
  partyA: string;
  unit: string;
  head: { name: string; post: string | null } | null;
  items: LetterItem[];
  clauses: LetterClauses;
  date: string;
  copyTo: string | null;
}

export const letterTitle = (year: number) => `${year}年度目标管理责任书`;

function targetCell(t: LetterItem['targets'][number]): string {
  const flags = [t.isKey ? '重点工作' : '', t.isMajor ? '重大项目' : ''].filter(Boolean);
  const value = t.targetValue ? `目标值：${t.targetValue}${t.measureUnit ?? ''}` : '';
  return [(flags.length ? `【${flags.join('、')}】` : '') + t.content, value, t.leader ? `责任领导：${t.leader}` : '']
    .filter(Boolean)
    .join('\n');
}

/** The table of 三、考核指标与分值: base items with their targets, a total row, then bonus, deduction and veto items. */
export function letterTable(items: LetterItem[], total: number): Extract<Block, { kind: 'table' }> {
  const rows: string[][] = [];
  let n = 0;
  const base = items.filter((i) => baseKinds.includes(i.kind));
  for (const it of base) {
    // an office's own wording is printed as written; the generated one counts the row's points, not the item's
    const standard = (points: number) => it.standard || describeMethod(it.kind, it.method, points);
    if (it.targets.length === 0)
      rows.push([
        String(++n),
        `${it.group}\n${it.indicator}`,
        it.indicator,
        formatPoints(it.points),
        standard(it.points),
        it.scoringBody,
      ]);
    for (const t of it.targets)
      rows.push([
        String(++n),
        `${it.group}\n${it.indicator}`,
        targetCell(t),
        formatPoints(t.points),
        standard(t.points),
        it.scoringBody,
      ]);
  }
  const sum = base.reduce(
    (a, it) => a + (it.targets.length ? it.targets.reduce((b, t) => b + cents(t.points), 0) : cents(it.points)),
    0,
  );
  const totals = [rows.length];
  rows.push(['合计', '', '', formatPoints(sum / 100), `基本分 ${formatPoints(total)} 分`, '']);
  for (const it of items.filter((i) => !baseKinds.includes(i.kind))) {
    const standard = it.standard || describeMethod(it.kind, it.method, it.points);
    const pts = it.kind === 'veto' ? '—' : `${it.kind === 'bonus' ? '+' : '−'}${formatPoints(it.points)}`;
    rows.push([
      String(++n),
      `${it.group}\n${it.indicator}`,
      it.targets.map(targetCell).join('\n') || it.indicator,
      pts,
      standard,
      it.scoringBody,
    ]);
  }
  return {
    kind: 'table',
    header: ['序号', '指标', '目标任务', '分值', '评分标准', '考核责任单位'],
    rows,
    // the targets are what the unit signs for: their column gets the width
    main: 2,
    small: true,
    totals,
  };
}

/** The responsibility letter as the attachment of a 通知 to the unit (DOCUMENTS.md, 目标管理责任书). */
export function buildResponsibilityLetter(l: LetterInput): OfficialDocument {
  const title = letterTitle(l.year);
  const targets = l.items.flatMap((i) => i.targets);
  const keys = targets.filter((t) => t.isKey).length;
  const majors = targets.filter((t) => t.isMajor).length;
  const body: Block[] = [
    { kind: 'p', text: `甲方：${l.partyA}` },
    { kind: 'p', text: `乙方：${l.unit}` },
    {
      kind: 'p',
      text: `为全面完成${l.year}年度各项目标任务，落实目标管理责任制和行政责任制，根据${l.basis ? l.basis : `《${l.planTitle}》`}，经甲乙双方协商一致，签订本责任书。`,
    },
    { kind: 'h1', text: '一、责任期限' },
    { kind: 'p', text: `自${chineseDate(l.periodStart)}起至${chineseDate(l.periodEnd)}止。` },
    { kind: 'h1', text: '二、目标任务' },
    {
      kind: 'p',
      text: `乙方承担目标任务${targets.length}项，其中重点工作${keys}项、重大项目${majors}项。各项任务的目标值、责任领导和评分标准见第三部分，季度节点按甲方下达的目标任务分解表执行。`,
    },
    { kind: 'h1', text: '三、考核指标与分值' },
    {
      kind: 'p',
      text: `考核实行百分制，基本分${formatPoints(l.total)}分；加分、扣分项目另计，一票否决事项按规定执行。`,
    },
    letterTable(l.items, l.total),
    { kind: 'h1', text: '四、责任与义务' },
    { kind: 'h2', text: '（一）甲方' },
    { kind: 'p', text: l.clauses.partyA },
    { kind: 'h2', text: '（二）乙方' },
    { kind: 'p', text: l.clauses.partyB },
    { kind: 'h1', text: '五、考核与奖惩' },
    { kind: 'p', text: l.clauses.rewards },
    { kind: 'h1', text: '六、其他' },
    { kind: 'p', text: l.clauses.other },
    {
      kind: 'parties',
      parties: [
        { label: '甲方（盖章）', org: l.partyA, signer: '负责人（签字）：' },
        { label: '乙方（盖章）', org: l.unit, signer: '负责人（签字）：' },
      ],
    },
  ];
  return {
    issuers: [l.issuer],
    withWenjian: false,
    number: l.number,
    title: `关于签订${title}的通知`,
    recipients: l.unit,
    body: [
      {
        kind: 'p',
        text:
          `根据《${l.planTitle}》，现将你单位${title}印发给你们。请对照目标任务逐项研究落实，` +
          `由单位主要负责人${l.head ? `（${l.head.name}）` : ''}签字并加盖公章后，于收到本通知之日起10个工作日内报送${l.issuer}。`,
      },
    ],
    attachmentNames: [title],
    signature: { org: l.issuer, date: l.date },
    note: null,
    attachments: [{ title, body }],
    colophon: { copyTo: l.copyTo, printer: l.issuer, printDate: l.date },
  };
}
