import { chineseDate, type OfficialDocument } from './documents/model';

/**
 * The accountability documents as GB/T 9704 models: the 问责决定书 (a 决定), its 送达回证, and the yearly 问责情况通报.
 * Everything they say comes from the decision and the rule rows it used; nothing is a constant of a regulation here.
 */

export interface DecisionDocInput {
  issuer: string;
  number: string;
  /** The subject as at the time of the facts. */
  subject: { kind: 'unit' | 'person'; name: string; unitName: string; post: string | null; rank: string | null };
  category: string;
  degree: string | null;
  responsibility: string | null;
  facts: string;
  /** The legal basis the office cites. */
  basis: string;
  forms: { form: string; basis: string; effectUntil: string | null }[];
  /** The statement heard, or the record that none was given in time. */
  statement: string;
  appeal: { to: string; period: string; review: string; ruleName: string };
  body: string;
  date: string;
  /** A decision made by a 复查 that changed an earlier one. */
  replaces: string | null;
}

const end = (s: string) => (/[。！？]$/.test(s.trim()) ? s.trim() : `${s.trim()}。`);

export const decisionTitle = (subject: { kind: 'unit' | 'person'; name: string }) =>
  subject.kind === 'person' ? `关于对${subject.name}同志问责的决定` : `关于对${subject.name}问责的决定`;

function who(s: DecisionDocInput['subject']): string {
  if (s.kind === 'unit') return `被问责单位：${s.name}。`;
  const post = [s.unitName + (s.post ?? ''), s.rank].filter(Boolean).join('，');
  return `被问责人：${s.name}，${post}（事实发生时任职）。`;
}

/** 问责决定书: who, the facts, the form and its basis, the right to appeal (to whom, within what), body and date. */
export function buildDecisionDocument(d: DecisionDocInput): OfficialDocument {
  const forms = d.forms.map((f) => f.form).join('、');
  const how = [d.category, d.degree, d.responsibility ? `负${d.responsibility}` : null].filter(Boolean).join('，');
  return {
    issuers: [d.issuer],
    withWenjian: false,
    number: d.number,
    title: decisionTitle(d.subject),
    recipients: d.subject.kind === 'person' ? d.subject.unitName : d.subject.name,
    body: [
      { kind: 'p', text: who(d.subject) },
      ...(d.replaces ? [{ kind: 'p' as const, text: `本决定经复查作出，变更${d.replaces}。` }] : []),
      { kind: 'h1', text: '一、查明的事实' },
      ...d.facts
        .split(/\n+/)
        .filter((x) => x.trim())
        .map((t) => ({ kind: 'p' as const, text: end(t) })),
      { kind: 'p', text: end(d.statement) },
      { kind: 'h1', text: '二、问责依据和方式' },
      {
        kind: 'p',
        text: `上述问题属于${how}。依据${d.basis.trim().replace(/[。；;，,]$/, '')}，经${d.body}集体研究，决定给予${
          d.subject.kind === 'person' ? `${d.subject.name}同志` : d.subject.name
        }${forms}。`,
      },
      ...d.forms.map((f) => ({
        kind: 'p' as const,
        text: `${f.form}：依据${f.basis.replace(/[。；;]$/, '')}${
          f.effectUntil ? `；影响期自${chineseDate(d.date)}起至${chineseDate(f.effectUntil)}止` : ''
        }。`,
      })),
      { kind: 'h1', text: '三、申诉权利' },
      {
        kind: 'p',
        text:
          `如对本决定不服，可在收到本决定之日起${d.appeal.period}内向${d.body}申请复核，或者向${d.appeal.to}提出申诉` +
          `（${d.appeal.ruleName}）；复核、申诉期间，不停止本决定的执行。`,
      },
      { kind: 'p', text: '本决定自作出之日起生效。' },
    ],
    attachmentNames: [],
    signature: { org: d.body, date: d.date },
    note: null,
    attachments: [],
    colophon: { copyTo: d.subject.kind === 'person' ? d.subject.unitName : null, printer: d.issuer, printDate: d.date },
  };
}

export interface ServiceProofInput {
  issuer: string;
  number: string;
  decisionNumber: string;
  decisionTitle: string;
  recipient: string;
  servedOn: string;
  method: string;
  server: string;
  receivedBy: string;
  date: string;
}

/**
 * 送达回证 (DOCUMENTS.md: a one-page form that travels with the decision): the document served, to whom, where, how
 * and when, the lines the recipient and the server sign, and the remark where a witness signs for a refusal. Set in
 * 小四 and kept to eight rows so that the form, the 署名 and the 成文日期 stay on one page under the letterhead, with
 * room for a long unit name (tests/unit/documents/accountability-docs.test.ts).
 */
export function buildServiceProof(s: ServiceProofInput): OfficialDocument {
  const signed = (name: string) => `${name}\u3000\u3000\u3000\u3000年\u3000月\u3000日`;
  return {
    issuers: [s.issuer],
    withWenjian: false,
    number: s.number,
    title: '送达回证',
    recipients: null,
    body: [
      {
        kind: 'table',
        header: ['项目', '内容'],
        main: 1,
        small: true,
        rows: [
          ['送达文书', `${s.decisionTitle}（${s.decisionNumber}）`],
          ['受送达人', s.recipient],
          ['送达地点', ''],
          ['送达方式及日期', `${s.method}，${chineseDate(s.servedOn)}`],
          ['受送达人签收', signed(s.receivedBy)],
          ['送达人', signed(s.server)],
          ['备注', '拒绝签收的，由送达人注明情况，见证人签名：'],
        ],
      },
    ],
    attachmentNames: [],
    signature: { org: s.issuer, date: s.date },
    note: null,
    attachments: [],
    colophon: null,
  };
}

export interface BulletinInput {
  issuer: string;
  number: string;
  year: number;
  date: string;
  total: number;
  byCategory: { label: string; n: number }[];
  byForm: { label: string; n: number }[];
  rows: { unit: string; subject: string; category: string; forms: string; number: string }[];
}

/** 年度问责情况通报: how many decisions, by category and by form, and the list of decisions in force. */
export function buildAccountabilityBulletin(b: BulletinInput): OfficialDocument {
  const list = (xs: { label: string; n: number }[]) =>
    xs
      .filter((x) => x.n > 0)
      .map((x) => `${x.label}${x.n}起`)
      .join('，') || '无';
  return {
    issuers: [b.issuer],
    withWenjian: false,
    number: b.number,
    title: `关于${b.year}年度问责情况的通报`,
    recipients: '各有关单位',
    body: [
      {
        kind: 'p',
        text: `${b.year}年，共作出问责决定${b.total}起。现将有关情况通报如下：`,
      },
      { kind: 'h1', text: '一、总体情况' },
      { kind: 'p', text: `按问责情形分：${list(b.byCategory)}。按问责方式分：${list(b.byForm)}。` },
      { kind: 'h1', text: '二、问责决定' },
      b.rows.length
        ? {
            kind: 'table',
            header: ['序号', '单位', '被问责对象', '问责情形', '问责方式', '决定文号'],
            small: true,
            main: 2,
            rows: b.rows.map((r, i) => [String(i + 1), r.unit, r.subject, r.category, r.forms, r.number]),
          }
        : { kind: 'p', text: '本年度未作出问责决定。' },
      { kind: 'h1', text: '三、有关要求' },
      {
        kind: 'p',
        text: '各单位要以案为鉴、举一反三，严格落实工作责任，对照问题认真整改，切实改进作风，提高执行力和落实力。',
      },
    ],
    attachmentNames: [],
    signature: { org: b.issuer, date: b.date },
    note: null,
    attachments: [],
    colophon: { copyTo: null, printer: b.issuer, printDate: b.date },
  };
}
