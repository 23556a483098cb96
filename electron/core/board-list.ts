import { chineseDate, type OfficialDocument } from './documents/model';

/** One line of the printed list: a notice or a rectification item, with how its deadline stands. */
export interface BoardListLine {
  unit: string;
  kind: string;
  number: string | null;
  matter: string;
  deadline: string;
  /** 逾期 3 个工作日, 剩 2 个工作日, 今天到期. */
  standing: string;
  leader: string | null;
}

export interface BoardListInput {
  /** The office's name (the first issuing body), printed at the head and in the signature. */
  office: string;
  today: string;
  /** The filters that made the list, in words (全部单位, 问询通知书 …), or empty. */
  scope: string;
  notices: BoardListLine[];
  rectifications: BoardListLine[];
  /** Complaints being handled and transfers awaiting feedback (the supervision web). */
  supervision: BoardListLine[];
}

/** How a deadline stands, in the words of the board: late, due today, or days left. */
export function deadlineWords(state: 'overdue' | 'soon' | 'ok' | null, daysLeft: number | null): string {
  if (state === 'overdue') return `逾期 ${-(daysLeft ?? 0)} 个工作日`;
  if (daysLeft === 0) return '今天到期';
  return daysLeft === null ? '' : `剩 ${daysLeft} 个工作日`;
}

/**
 * 逾期及临期事项清单: the week's working list of the overdue board, laid out by the document engine (an internal list,
 * no document number): the counts, then the notices, the rectification items, and the complaints and transfers of
 * the supervision web, most urgent first.
 */
export function buildBoardList(b: BoardListInput): OfficialDocument {
  const all = [...b.notices, ...b.rectifications, ...b.supervision];
  const overdue = all.filter((l) => l.standing.startsWith('逾期')).length;
  const total = all.length;
  const table = (lines: BoardListLine[], what: string) =>
    lines.length === 0
      ? [{ kind: 'p' as const, text: `没有逾期或临期的${what}。` }]
      : [
          {
            kind: 'table' as const,
            header: ['序号', '单位', '文号', '事项', '期限', '情况', '责任领导'],
            main: 3,
            small: true,
            rows: lines.map((l, i) => [
              String(i + 1),
              l.unit,
              l.number ?? '',
              l.matter,
              l.deadline,
              l.standing,
              l.leader ?? '',
            ]),
          },
        ];
  return {
    issuers: [b.office],
    withWenjian: false,
    number: null,
    title: `逾期及临期事项清单（${chineseDate(b.today)}）`,
    recipients: null,
    body: [
      {
        kind: 'p',
        text:
          `截至${chineseDate(b.today)}，${b.scope ? `${b.scope}` : ''}逾期及 3 个工作日内到期的事项共${total}项，` +
          `其中逾期${overdue}项。期限按工作日计算。`,
      },
      { kind: 'h1', text: '一、问询、督办、整改通知书' },
      ...table(b.notices, '通知书'),
      { kind: 'h1', text: '二、整改事项' },
      ...table(b.rectifications, '整改事项'),
      { kind: 'h1', text: '三、投诉办理与移送反馈' },
      ...table(b.supervision, '投诉或待反馈的移送'),
    ],
    attachmentNames: [],
    signature: { org: b.office, date: b.today },
    note: null,
    attachments: [],
    colophon: null,
  };
}
