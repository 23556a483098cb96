import { chineseDate, type OfficialDocument } from './documents/model';

/** 移送处理书 (DOCUMENTS.md: the 通知 pattern with the facts, the materials, the feedback asked and its deadline). */
export interface TransferLetterInput {
  issuer: string;
  number: string | null;
  /** The receiving body (受移送机关): the document's main recipient. */
  to: string;
  /** The body that found the matter (财政部门, 审计部门 …), as the letter says it. */
  fromBody: string;
  unit: string;
  person: string | null;
  subject: string;
  facts: string;
  materials: string;
  feedbackDue: string;
  copyPersonnel: boolean;
  date: string;
}

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean);

export function buildTransferLetter(t: TransferLetterInput): OfficialDocument {
  const who = t.person ? `${t.unit}${t.person}` : t.unit;
  return {
    issuers: [t.issuer],
    withWenjian: false,
    number: t.number,
    title: `关于移送${who}${t.subject}问题线索的函`,
    recipients: t.to,
    body: [
      {
        kind: 'p',
        text:
          `${t.fromBody}在工作中发现${who}涉嫌${t.subject}的问题。根据有关规定，现将该问题线索移送你单位处理。` +
          `有关情况如下：`,
      },
      { kind: 'h1', text: '一、主要事实' },
      ...lines(t.facts).map((text) => ({ kind: 'p' as const, text })),
      { kind: 'h1', text: '二、移送材料' },
      ...lines(t.materials).map((text) => ({ kind: 'p' as const, text })),
      { kind: 'h1', text: '三、反馈要求' },
      {
        kind: 'p',
        text:
          `请你单位依法依规调查处理，并于${chineseDate(t.feedbackDue)}前将调查处理结果书面反馈我办` +
          `${t.copyPersonnel ? '，同时抄送组织人事部门' : ''}。逾期未反馈的，我办将予以督办。`,
      },
    ],
    attachmentNames: [],
    signature: { org: t.issuer, date: t.date },
    note: '（此件不公开）',
    attachments: [],
    colophon: { copyTo: t.copyPersonnel ? '组织人事部门' : null, printer: t.issuer, printDate: t.date },
  };
}

/** One audit in the 绩效审计结果公告. */
export interface AuditNoticeLine {
  unit: string;
  kind: string;
  period: string;
  findings: string;
  /** 问题金额, as printed (12,345.67). */
  amount: string;
  result: string;
  rectified: string;
}

/** 绩效审计结果公告: the year's audit results listed for publication (the 公告 pattern: basis, table, issuer, date). */
export function buildAuditNotice(a: {
  issuer: string;
  number: string | null;
  year: number;
  date: string;
  lines: AuditNoticeLine[];
}): OfficialDocument {
  return {
    issuers: [a.issuer],
    withWenjian: false,
    number: a.number,
    title: `${a.year}年度绩效审计结果公告`,
    recipients: null,
    body: [
      {
        kind: 'p',
        text:
          `根据审计结果公开的有关规定，现将${a.year}年度对有关单位开展的绩效审计结果公告如下（共${a.lines.length}项）。` +
          `问题金额以审计报告为准，单位为元。`,
      },
      a.lines.length === 0
        ? { kind: 'p', text: '本年度没有登记审计结果。' }
        : {
            kind: 'table',
            header: ['序号', '被审计单位', '审计类型', '审计期间', '主要问题', '问题金额', '审计评价', '整改情况'],
            main: 4,
            small: true,
            rows: a.lines.map((l, i) => [
              String(i + 1),
              l.unit,
              l.kind,
              l.period,
              l.findings,
              l.amount,
              l.result,
              l.rectified,
            ]),
          },
      { kind: 'p', text: '特此公告。' },
    ],
    attachmentNames: [],
    signature: { org: a.issuer, date: a.date },
    note: null,
    attachments: [],
    colophon: null,
  };
}
