import { type checkKind, findingRating, noticeKind, type ValueOf } from '../vocab';
import { type Block, type OfficialDocument, chineseDate } from './documents/model';

export type NoticeKind = ValueOf<typeof noticeKind>;

export interface NoticeItem {
  text: string;
  /** 牵头单位 and 配合单位 (or persons), as the office entered them for any kind. */
  lead?: string | null;
  partners?: string | null;
  /** Each item's own deadline (ISO). */
  deadline?: string | null;
}

export interface NoticeInput {
  kind: NoticeKind;
  issuer: string;
  number: string;
  /** 主送: the unit (or person) the notice goes to. */
  to: string;
  /** Why: the lagging target, the finding, the leader's instruction, the complaint. */
  reason: string;
  /** The responsible leader of the target concerned, if it has one. */
  leader?: string | null;
  /** 督办 source: 领导批示, 会议决定, 督查发现. */
  source?: string | null;
  items: NoticeItem[];
  /** The reply deadline (ISO) and how many working days that is from the date. */
  replyBy: string;
  workingDays: number;
  contact: { name: string; phone: string };
  date: string;
  copyTo: string | null;
}

export const noticeTitles = noticeKind.labels;

/** The one title of a notice: printed, registered and quoted in its 回执 alike. */
export const noticeTitle = (kind: NoticeKind, to: string) => `关于${to}的${noticeTitles[kind]}`;

/** How the unit addresses the issuing body in its 回执: 贵办 for an office, 贵局 for a bureau … */
export function honorific(issuer: string): string {
  if (/办(公室)?$/.test(issuer)) return '贵办';
  if (/委(员会)?$/.test(issuer)) return '贵委';
  const last = /[局厅部院处]$/.exec(issuer);
  return last ? `贵${last[0]}` : '贵单位';
}

/** What the office entered for an item beyond its text: lead, partners, its own deadline. */
function itemDetails(it: NoticeItem, deadlineWord: string): string {
  const parts = [
    it.lead ? `牵头单位：${it.lead}` : '',
    it.partners ? `配合单位：${it.partners}` : '',
    it.deadline ? `${deadlineWord}：${chineseDate(it.deadline)}前` : '',
  ].filter(Boolean);
  return parts.length ? `（${parts.join('；')}）` : '';
}

const cnNumber = (n: number) => ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n - 1] ?? String(n);

/** The 回执 every notice carries: the form the unit fills in, signs and returns. */
export function receiptBlocks(n: NoticeInput): Block[] {
  return [
    { kind: 'p', text: `${n.issuer}：` },
    {
      kind: 'p',
      text:
        `${honorific(n.issuer)}《${noticeTitle(n.kind, n.to)}》（${n.number}）已收悉，` +
        `我单位将按要求于${chineseDate(n.replyBy)}前书面回复。`,
    },
    {
      kind: 'table',
      header: ['项目', '内容'],
      rows: [
        ['通知文号', n.number],
        ['承办单位（盖章）', n.to],
        ['签收人', ''],
        ['签收时间', '　　年　　月　　日'],
        ['联系电话', ''],
        ['办理情况', '\n\n\n'],
      ],
    },
    {
      kind: 'p',
      text: `请于收到本通知之日起1个工作日内将回执报送${n.issuer}（联系人：${n.contact.name}，电话：${n.contact.phone}）。`,
    },
  ];
}

/** 问询通知书, 督办通知书, 整改通知书 (DOCUMENTS.md): reason, numbered items, a working-day deadline, contact, 回执. */
export function buildNotice(n: NoticeInput): OfficialDocument {
  const title = noticeTitle(n.kind, n.to);
  const body: Block[] = [];
  const deadline = `${chineseDate(n.replyBy)}（${n.workingDays}个工作日内）`;
  const said = /[。！？；]$/.test(n.reason) ? n.reason : `${n.reason}。`;
  const reason = n.leader ? `${said}该目标的责任领导为${n.leader}同志。` : n.reason;
  if (n.kind === 'inquiry') {
    body.push({
      kind: 'p',
      text: `${reason}根据目标管理和行政问责的有关规定，现就有关问题向你单位问询，请逐项作出书面说明：`,
    });
    n.items.forEach((it, i) =>
      body.push({ kind: 'p', text: `${cnNumber(i + 1)}、${it.text}${itemDetails(it, '说明时限')}` }),
    );
    body.push({
      kind: 'p',
      text: `请于${deadline}前逐项书面回复，附相关佐证材料，并加盖单位公章。逾期不回复或回复不实的，将按有关规定追究责任。`,
    });
  } else if (n.kind === 'supervision') {
    body.push({ kind: 'p', text: `${reason}${n.source ? `根据${n.source}，` : ''}现将下列事项交你单位督办：` });
    body.push({
      kind: 'table',
      header: ['序号', '督办事项', '牵头单位', '配合单位', '完成时限'],
      main: 1,
      small: true,
      rows: n.items.map((it, i) => [
        String(i + 1),
        it.text,
        it.lead ?? n.to,
        it.partners ?? '',
        it.deadline ? chineseDate(it.deadline) : chineseDate(n.replyBy),
      ]),
    });
    body.push({
      kind: 'p',
      text: `请牵头单位明确责任领导和责任人，于${deadline}前书面报告办理情况；不能按期办结的，应在期限届满前说明原因并提出办结时限。`,
    });
  } else {
    body.push({ kind: 'p', text: `${reason}现通知你单位限期整改：` });
    n.items.forEach((it, i) =>
      body.push({ kind: 'p', text: `${cnNumber(i + 1)}、${it.text}${itemDetails(it, '整改时限')}` }),
    );
    body.push({
      kind: 'p',
      text: `请于${deadline}前报送整改情况报告，逐项说明整改措施和结果，附佐证材料。逾期未整改或整改不到位的，将按有关规定予以通报并追究责任。`,
    });
  }
  return {
    issuers: [n.issuer],
    withWenjian: false,
    number: n.number,
    title,
    recipients: n.to,
    body,
    attachmentNames: ['回执'],
    signature: { org: n.issuer, date: n.date },
    note: `联系人：${n.contact.name}，电话：${n.contact.phone}`,
    attachments: [{ title: '回　执', body: receiptBlocks(n) }],
    colophon: { copyTo: n.copyTo, printer: n.issuer, printDate: n.date },
  };
}

export interface CheckReportInput {
  issuer: string;
  number: string;
  title: string;
  kind: ValueOf<typeof checkKind>;
  team: string;
  scope: string;
  checkDate: string;
  findings: {
    unit: string;
    /** The target concerned: its indicator and its content, cited short (targetCitation). */
    target: { indicator: string; content: string } | null;
    rating: ValueOf<typeof findingRating>;
    description: string;
    requiredAction: string;
  }[];
  recipients: string;
  date: string;
}

const ratingWords = findingRating.labels;

/** A target's content shortened to its first clause, at most `max` characters, without closing punctuation. */
export function shortTargetName(content: string, max = 16): string {
  const first = content
    .trim()
    .split(/[，,。；;：:！!？?\n]/)[0]!
    .replace(/[、（(“"‘'《\s]+$/, '');
  if (first.length <= max) return first;
  // cut inside the clause: drop a dangling opening mark or 、 before the ellipsis
  return `${first.slice(0, max - 1).replace(/[、（(“"‘'《\s]+$/, '')}…`;
}

/** How a bulletin cites a target: by its indicator and a short name, never its whole text. */
export function targetCitation(t: { indicator: string; content: string }): string {
  const short = shortTargetName(t.content);
  return !short || t.indicator.includes(short) ? t.indicator : `${t.indicator}（${short}）`;
}

/** 督查情况通报: what was checked, by whom, when; the findings unit by unit with what each must do. */
export function buildCheckReport(c: CheckReportInput): OfficialDocument {
  const count = (r: keyof typeof ratingWords) => c.findings.filter((f) => f.rating === r).length;
  return {
    issuers: [c.issuer],
    withWenjian: false,
    number: c.number,
    title: `关于${c.title}情况的通报`,
    recipients: c.recipients,
    body: [
      {
        kind: 'p',
        text:
          `${chineseDate(c.checkDate)}，${c.team}对${c.scope}开展了${c.kind === 'half_year' ? '半年' : '专项'}督查。` +
          `现将督查情况通报如下：`,
      },
      { kind: 'h1', text: '一、总体情况' },
      {
        kind: 'p',
        text:
          `本次督查共发现问题和情况${c.findings.length}项，其中正常推进${count('on_track')}项、进度滞后${count('lagging')}项、` +
          `严重滞后${count('serious')}项。`,
      },
      { kind: 'h1', text: '二、发现的问题' },
      {
        kind: 'table',
        header: ['序号', '单位', '督查发现', '评定', '整改要求'],
        main: 2,
        small: true,
        rows: c.findings.map((f, i) => [
          String(i + 1),
          f.unit,
          f.target ? `${targetCitation(f.target)}：${f.description}` : f.description,
          ratingWords[f.rating],
          f.requiredAction,
        ]),
      },
      { kind: 'h1', text: '三、有关要求' },
      {
        kind: 'p',
        text: '有关单位要对照督查发现的问题，逐项制定整改措施，明确责任领导和完成时限；对进度滞后、严重滞后的事项，考评办将另行发出问询或督办通知，并纳入年度考核。',
      },
    ],
    attachmentNames: [],
    signature: { org: c.issuer, date: c.date },
    note: null,
    attachments: [],
    colophon: { copyTo: null, printer: c.issuer, printDate: c.date },
  };
}
