import { chineseDate, type OfficialDocument } from './documents/model';

/**
 * 检讨通知 (重大事故/事件的责任检讨, GB/T 9704 通知): the office tells a unit that its head must explain in writing
 * to the upper body, by a working-day deadline, what happened, why, who is responsible and what is being done.
 */
export interface IncidentReviewDocInput {
  issuer: string;
  number: string;
  unit: string;
  head: string;
  headPost: string | null;
  incident: string;
  incidentOn: string;
  facts: string;
  toBody: string;
  deadline: string;
  workingDays: number;
  date: string;
}

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean);

const end = (s: string) => (/[。！？]$/.test(s) ? s : `${s}。`);

export const incidentReviewTitle = (unit: string, incident: string) => `关于${unit}就${incident}作出书面检讨的通知`;

export function buildIncidentReviewNotice(r: IncidentReviewDocInput): OfficialDocument {
  const head = `${r.headPost ? `${r.unit}${r.headPost}` : `${r.unit}主要负责人`}${r.head}同志`;
  return {
    issuers: [r.issuer],
    withWenjian: false,
    number: r.number,
    title: incidentReviewTitle(r.unit, r.incident),
    recipients: r.unit,
    body: [
      {
        kind: 'p',
        text:
          `${chineseDate(r.incidentOn)}，你单位发生${r.incident}。根据行政问责的有关规定，发生重大事故、事件的，` +
          `单位行政首长应当向${r.toBody}作出书面检讨。现将有关事项通知如下：`,
      },
      { kind: 'h1', text: '一、事故（事件）基本情况' },
      ...lines(r.facts).map((t) => ({ kind: 'p' as const, text: end(t) })),
      { kind: 'h1', text: '二、检讨要求' },
      {
        kind: 'p',
        text:
          `请${head}就上述事故（事件）向${r.toBody}作出书面检讨，如实说明事故（事件）经过、原因、` +
          `责任认定和已采取的措施，提出整改和防范意见，并由本人签名、加盖单位公章。`,
      },
      { kind: 'h1', text: '三、报送时限' },
      {
        kind: 'p',
        text:
          `请于${chineseDate(r.deadline)}（${r.workingDays}个工作日内）前将书面检讨报送${r.issuer}，转报${r.toBody}。` +
          `逾期不报送或检讨不深刻的，将按有关规定追究责任。`,
      },
    ],
    attachmentNames: [],
    signature: { org: r.issuer, date: r.date },
    note: null,
    attachments: [],
    colophon: { copyTo: r.toBody, printer: r.issuer, printDate: r.date },
  };
}
