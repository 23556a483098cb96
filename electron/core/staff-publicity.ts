import { type OfficialDocument } from './documents/model';
import { periodText } from './publication';

/**
 * 优秀等次公示: the proposed 优秀 of the civil servants' annual assessment of a unit's year (or of every unit of the
 * year) put before the public — the basis, the list (name, unit, post), the period in working days, how to object,
 * 特此公示 — in the GB/T 9704 公告 layout of the results' 公示 (publication-docs.ts).
 */

export interface ExcellentListed {
  name: string;
  unit: string;
  post: string | null;
}

export interface ExcellentPublicityInput {
  issuer: string;
  number: string;
  year: number;
  /** The unit whose year is posted; null: every unit of the year. */
  unitName: string | null;
  people: ExcellentListed[];
  period: { startDate: string; endDate: string; workingDays: number };
  phone: string;
  address: string;
  date: string;
}

export const excellentPublicityTitle = (year: number, unitName: string | null) =>
  `关于${unitName ?? ''}${year}年度公务员年度考核优秀等次人选的公示`;

export function buildExcellentPublicity(c: ExcellentPublicityInput): OfficialDocument {
  const where = [c.address && `受理地址：${c.address}`, c.phone && `联系电话：${c.phone}`].filter(Boolean).join('；');
  const whose = c.unitName ? `${c.unitName}` : '各单位';
  return {
    issuers: [c.issuer],
    withWenjian: false,
    number: c.number,
    title: excellentPublicityTitle(c.year, c.unitName),
    recipients: null,
    body: [
      {
        kind: 'p',
        text:
          `根据《公务员考核规定》，经个人总结、主管领导提出考核等次建议、考核委员会审核，${whose}拟确定以下` +
          `${c.people.length}名同志为${c.year}年度公务员年度考核优秀等次。为增强考核工作的透明度，接受干部群众监督，` +
          '现予以公示。',
      },
      { kind: 'h1', text: '一、公示名单' },
      {
        kind: 'table',
        header: ['序号', '姓名', '单位', '职务'],
        rows: c.people.map((p, i) => [String(i + 1), p.name, p.unit, p.post || '—']),
        small: true,
        main: 2,
      },
      { kind: 'h1', text: '二、公示时间' },
      { kind: 'p', text: `公示期为${periodText(c.period)}。` },
      { kind: 'h1', text: '三、意见反映方式' },
      {
        kind: 'p',
        text:
          `公示期间，对公示对象有异议的，请以书面形式向${c.issuer}反映，并署真实姓名、单位和联系方式，` +
          `以便调查核实和答复${where ? `。${where}` : ''}。反映问题应实事求是，公示期满后提出的异议不予受理。`,
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
