import { meetingAttendance, type ValueOf } from '../vocab';
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

/** Fen as 万元 with two decimals, as an audit results notice prints amounts: 123456789 → 123.46. */
export const wanYuan = (cents: number) => (cents / 1_000_000).toFixed(2);

/** One audit in the 绩效审计结果公告. */
export interface AuditNoticeLine {
  unit: string;
  kind: string;
  period: string;
  findings: string;
  /** 问题金额 in 万元, as printed (12.35; wanYuan). */
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
          `问题金额以审计报告为准，单位为万元。`,
      },
      a.lines.length === 0
        ? { kind: 'p', text: '本年度没有登记审计结果。' }
        : {
            kind: 'table',
            // the period under the kind: seven columns leave the findings room on the 28-character line
            header: ['序号', '被审计单位', '审计类型及期间', '主要问题', '问题金额', '审计评价', '整改情况'],
            main: 3,
            small: true,
            rows: a.lines.map((l, i) => [
              String(i + 1),
              l.unit,
              `${l.kind}\n${l.period}`,
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

/** One attending body of a joint meeting, as its 纪要 lists it. */
export interface MinutesAttendee {
  body: string;
  names: string;
  /** 出席 (present), 请假 or 列席. */
  as: ValueOf<typeof meetingAttendance>;
}

/**
 * 会议纪要 of a joint meeting (GB/T 9704 10.3, DOCUMENTS.md): the 纪要标志 in red in the place of the issuing body's
 * mark, the meeting's topics, what was exchanged and what was resolved, the action items with their units and
 * deadlines; then 出席, 请假, 列席 instead of a 落款 — no seal.
 */
export function buildMeetingMinutes(m: {
  issuer: string;
  number: string | null;
  title: string;
  heldOn: string;
  place: string | null;
  attendees: MinutesAttendee[];
  topics: string;
  exchanged: string;
  resolutions: string;
  items: { unit: string; item: string; deadline: string }[];
  date: string;
}): OfficialDocument {
  const bodies = m.attendees.filter((a) => a.as !== 'leave').map((a) => a.body);
  const section = (n: number) => ['一', '二', '三', '四'][n]!;
  let n = 0;
  const h1 = (text: string) => ({ kind: 'h1' as const, text: `${section(n++)}、${text}` });
  const paras = (text: string) => lines(text).map((t) => ({ kind: 'p' as const, text: t }));
  const attendance = meetingAttendance.values
    .map((as) => ({
      label: meetingAttendance.label(as),
      names: m.attendees
        .filter((a) => a.as === as)
        .map((a) => `${a.body}\u3000${a.names}`)
        .join('；'),
    }))
    .filter((l) => l.names);
  return {
    issuers: ['监督工作联席会议纪要'],
    withWenjian: false,
    number: m.number,
    title: m.title,
    recipients: null,
    body: [
      {
        kind: 'p',
        text:
          `${chineseDate(m.heldOn)}，${m.title}${m.place ? `在${m.place}` : ''}召开` +
          `${bodies.length ? `，${bodies.join('、')}参加会议` : ''}。现将会议主要精神纪要如下：`,
      },
      h1('会议议题'),
      ...paras(m.topics),
      ...(lines(m.exchanged).length ? [h1('通报交流情况'), ...paras(m.exchanged)] : []),
      h1('议定事项'),
      ...paras(m.resolutions),
      ...(m.items.length
        ? [
            {
              kind: 'p' as const,
              text: `会议明确以下${m.items.length}项事项由责任单位限期办理，逾期未办结的纳入督办：`,
            },
            {
              kind: 'table' as const,
              header: ['序号', '责任单位', '事项', '完成时限'],
              main: 2,
              // the unit's name and the deadline (2026年10月31日) each on one line
              keep: [1, 3],
              small: true,
              rows: m.items.map((it, i) => [String(i + 1), it.unit, it.item, chineseDate(it.deadline)]),
            },
          ]
        : []),
    ],
    attachmentNames: [],
    signature: { org: m.issuer, date: m.date },
    note: null,
    attachments: [],
    colophon: { copyTo: null, printer: m.issuer, printDate: m.date },
    attendance,
  };
}

/** One published complaint channel of a department. */

/**
 * A span of hours (14:30—17:30) kept on one line: word joiners (U+2060) on both sides of the dash, so a renderer breaks
 * after the 、 between spans rather than start a line with —17:30.
 */
export const wholeSpans = (hours: string) => hours.replace(/(\d)([—–~～-])(\d)/g, '$1\u2060$2\u2060$3');

export interface ChannelNoticeLine {
  unit: string;
  /** 电话, 信函, 网站, 12345 转办, 当面 … */
  kind: string;
  contact: string;
  hours: string;
}

/**
 * 关于公布各部门投诉受理渠道的公告 (the 公告 pattern with a table, seed 四.4): what the public may complain about and how,
 * each department's channels with their hours, the 12345 hotline's place, the issuer and date.
 */
export function buildChannelNotice(c: {
  issuer: string;
  number: string | null;
  date: string;
  lines: ChannelNoticeLine[];
}): OfficialDocument {
  const units = new Set(c.lines.map((l) => l.unit)).size;
  return {
    issuers: [c.issuer],
    withWenjian: false,
    number: c.number,
    title: '关于公布各部门投诉受理渠道的公告',
    recipients: null,
    body: [
      {
        kind: 'p',
        text:
          '为畅通群众监督渠道，及时受理和办理对行政机关及其工作人员推诿拖拉、敷衍塞责、效率低下、吃拿卡要、' +
          `不作为、乱作为等问题的投诉，现将${units}个部门（单位）的投诉受理渠道公布如下：`,
      },
      {
        kind: 'table',
        header: ['序号', '部门（单位）', '渠道', '电话、地址或网址', '受理时间'],
        // the hours first (工作日 8:30—12:00、14:30—17:30 on one or two lines, a time never cut), then the contact
        main: 4,
        // a unit's name (up to 12 characters) and a phone number never lose their last characters to a second line
        keep: [1, 3],
        small: true,
        rows: c.lines.map((l, i) => [String(i + 1), l.unit, l.kind, l.contact, wholeSpans(l.hours)]),
      },
      {
        kind: 'p',
        text:
          '投诉人应如实反映问题，提供被投诉单位或人员、事由及联系方式；受理机关对投诉人信息予以保密，' +
          '办理结果按规定予以答复。也可拨打12345政务服务便民热线反映。',
      },
      { kind: 'p', text: '特此公告。' },
    ],
    attachmentNames: [],
    signature: { org: c.issuer, date: c.date },
    note: null,
    attachments: [],
    colophon: null,
  };
}
