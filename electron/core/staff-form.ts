import { staffGrade, type ValueOf } from '../vocab';
import { type Block, type OfficialDocument, chineseDate } from './documents/model';

/**
 * 公务员年度考核登记表 (rules.md): the person's particulars, the self-summary, the supervisor's comment and proposed
 * grade, the head's or committee's opinion, the person's own opinion, and where no grade is given why — each part
 * with its signature line. Laid out by the GB/T 9704 engine, so a unit's forms bind into one volume with each
 * person's form starting on an odd page.
 */

export interface StaffFormInput {
  year: number;
  /** The office whose engine lays it out (署名). */
  office: string;
  date: string;
  name: string;
  /** From the ID number when it has one (never printed itself). */
  sex: string | null;
  birthMonth: string | null;
  unitName: string;
  post: string | null;
  inPostSince: string | null;
  duties: string;
  comment: string;
  proposedGrade: ValueOf<typeof staffGrade> | null;
  finalGrade: ValueOf<typeof staffGrade> | null;
  noGradeNote: string | null;
}

/** Sex and birth month from a mainland ID number (18 characters); null when it has none. */
export function particularsOf(idNumber: string | null): { sex: string | null; birthMonth: string | null } {
  if (!idNumber || !/^\d{17}[\dXx]$/.test(idNumber)) return { sex: null, birthMonth: null };
  return {
    sex: Number(idNumber[16]) % 2 ? '男' : '女',
    birthMonth: `${idNumber.slice(6, 10)}年${Number(idNumber.slice(10, 12))}月`,
  };
}

const IDEOGRAPHIC_SPACE = '\u3000';
const BLANK = IDEOGRAPHIC_SPACE.repeat(12);
const gap = (n: number) => IDEOGRAPHIC_SPACE.repeat(n);
const signLine = (who: string) => `${who}签名：${gap(8)}${gap(4)}年${gap(2)}月${gap(2)}日`;
const grade = (g: StaffFormInput['proposedGrade']) => (g ? staffGrade.label(g) : '');

export const staffFormTitle = (year: number) => `${year}年度公务员年度考核登记表`;

export function buildStaffForm(f: StaffFormInput): OfficialDocument {
  const body: Block[] = [
    {
      kind: 'table',
      header: ['项目', '内容', '项目', '内容'],
      rows: [
        ['姓名', f.name, '性别', f.sex ?? ''],
        ['出生年月', f.birthMonth ?? '', '政治面貌', ''],
        [
          '单位及职务',
          `${f.unitName}${f.post ? ` ${f.post}` : ''}`,
          '任现职时间',
          f.inPostSince ? chineseDate(f.inPostSince) : '',
        ],
      ],
      small: true,
      main: 1,
    },
    { kind: 'h1', text: '一、从事或分管工作' },
    { kind: 'p', text: f.duties || '（本人填写）' },
    { kind: 'h1', text: '二、个人总结' },
    { kind: 'p', text: '（本人填写，可另附页）' },
    { kind: 'p', text: signLine('本人') },
    { kind: 'h1', text: '三、主管领导评语和考核等次建议' },
    { kind: 'p', text: f.comment || '（主管领导填写）' },
    { kind: 'p', text: `考核等次建议：${grade(f.proposedGrade) || BLANK}` },
    { kind: 'p', text: signLine('主管领导') },
    { kind: 'h1', text: '四、机关负责人或考核委员会意见' },
    { kind: 'p', text: `确定等次：${grade(f.finalGrade) || BLANK}` },
    { kind: 'p', text: signLine('负责人') },
    { kind: 'h1', text: '五、本人意见' },
    { kind: 'p', text: BLANK },
    { kind: 'p', text: signLine('本人') },
  ];
  if (f.finalGrade === 'none' || f.noGradeNote)
    body.push({ kind: 'h1', text: '六、未确定等次的说明' }, { kind: 'p', text: f.noGradeNote || BLANK });
  return {
    issuers: [f.office],
    withWenjian: false,
    number: null,
    title: `${staffFormTitle(f.year)}（${f.name}）`,
    recipients: null,
    body,
    attachmentNames: [],
    signature: { org: f.unitName, date: f.date },
    note: null,
    attachments: [],
    colophon: null,
  };
}
