import type { BulletinInput, DecisionDocInput, IncidentReviewDocInput, ServiceProofInput } from '../../electron/core';

/** A 问责决定书, its 送达回证 and a yearly 问责情况通报 as the accountability handlers build them. */

export function sampleDecision(o: { facts?: string; replaces?: string | null } = {}): DecisionDocInput {
  return {
    issuer: '示例县人民政府目标考评办公室',
    number: '考评问责〔2026〕3号',
    subject: { kind: 'person', name: '王建国', unitName: '示例县发展和改革局', post: '副局长', rank: '副科级' },
    category: '不作为、乱作为',
    degree: '情节较重',
    responsibility: '主要领导责任',
    facts:
      o.facts ??
      '2026年1月至6月，王建国同志分管的固定资产投资项目审批工作中，有12个项目超出承诺时限办理，最长超期27个工作日。\n' +
        '经督查通报和整改通知书（考评改〔2026〕2号）督促后，仍有5个项目逾期未整改，造成不良社会影响。',
    basis: '《示例县行政机关工作人员问责办法》第十条第（二）项、第十四条',
    forms: [
      {
        form: '诫勉',
        basis: '《中国共产党问责条例》（2019）；受到诫勉的，六个月内不得提拔或者重用',
        effectUntil: '2026-12-14',
      },
      { form: '调离现岗位', basis: '考评办问责办法（种子清单）', effectUntil: null },
    ],
    statement: '王建国在陈述申辩中提出：部分项目超期系申报材料不齐所致。经核实，该意见不能成立。',
    appeal: {
      to: '示例县人民政府',
      period: '15日',
      review: '',
      ruleName: '问责救济与执行期限第 1 版“申诉（自收到问责决定之日起）”',
    },
    body: '示例县人民政府',
    date: '2026-06-15',
    replaces: o.replaces ?? null,
  };
}

export const sampleServiceProof = (): ServiceProofInput => ({
  issuer: '示例县人民政府目标考评办公室',
  number: '考评送〔2026〕3号',
  decisionNumber: '考评问责〔2026〕3号',
  decisionTitle: '关于对王建国同志问责的决定',
  recipient: '王建国（示例县发展和改革局副局长）',
  servedOn: '2026-06-16',
  method: '直接送达',
  server: '李考评',
  receivedBy: '王建国',
  date: '2026-06-16',
});

export const sampleAccountabilityBulletin = (n = 14): BulletinInput => ({
  issuer: '示例县人民政府目标考评办公室',
  number: '考评问通〔2027〕1号',
  year: 2026,
  date: '2027-01-20',
  total: n,
  byCategory: [
    { label: '政令落实不力', n: 4 },
    { label: '不作为、乱作为', n: n - 4 },
  ],
  byForm: [
    { label: '诫勉', n: 5 },
    { label: '通报批评', n: n - 5 },
  ],
  rows: Array.from({ length: n }, (_, i) => ({
    unit: `示例县第${i + 1}责任单位`,
    subject: `干部${i + 1}（副局长）`,
    category: i < 4 ? '政令落实不力' : '不作为、乱作为',
    forms: i < 5 ? '诫勉' : '通报批评',
    number: `考评问责〔2026〕${i + 1}号`,
  })),
});

/** A 检讨通知 (重大事故/事件的责任检讨) as incidents.demand builds it. */
export const sampleIncidentReview = (): IncidentReviewDocInput => ({
  issuer: '示例县人民政府目标考评办公室',
  number: '考评检〔2026〕1号',
  unit: '示例县应急管理局',
  head: '刘志强',
  headPost: '局长',
  incident: '“2·26”危化品仓库火灾事故',
  incidentOn: '2026-02-26',
  facts:
    '2026年2月26日凌晨，示例县经济开发区一危化品仓库发生火灾，造成2人受伤，直接经济损失约300万元。\n' +
    '经初步调查，该仓库未按规定落实24小时值守制度，消防设施长期缺乏维护，日常监管检查流于形式。',
  toBody: '示例县人民政府',
  deadline: '2026-03-10',
  workingDays: 5,
  date: '2026-03-02',
});
