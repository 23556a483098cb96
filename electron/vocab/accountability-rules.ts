import type { RuleRow, RuleTableSpec } from './rule-tables';

/**
 * The accountability rule tables' columns and default rows (shared/domain/rules.md): the forms with their 影响期
 * and effects, and the periods of appeal, answer, statement and execution with their unit (日 or 工作日). An office
 * edits them on the 规则表 screen; every decision keeps the versions it used.
 */

const form = (
  code: string,
  name: string,
  applies: '个人' | '单位',
  effectMonths: number,
  promotionBarMonths: number,
  basis: string,
  o: { noExcellent?: boolean; unitDeduction?: boolean; note?: string } = {},
): RuleRow => ({
  code,
  form: name,
  applies,
  effectMonths,
  noExcellent: o.noExcellent ?? applies === '个人',
  promotionBarMonths,
  unitDeduction: o.unitDeduction ?? applies === '个人',
  basis,
  note: o.note ?? '',
});

const seed = '考评办问责办法（种子清单）';
const interim = '《关于实行党政领导干部问责的暂行规定》（2009）';
const party = '《中国共产党问责条例》（2019）';
const org = '《党政领导干部职务任免和组织处理规定》（2021）';
const gov = '《中华人民共和国公职人员政务处分法》';

export const accountabilityForms: RuleTableSpec = {
  columns: [
    { key: 'code', label: '代码', type: 'code' },
    { key: 'form', label: '问责方式', type: 'text', required: true, max: 20 },
    { key: 'applies', label: '适用对象', type: 'choice', options: ['个人', '单位'] },
    { key: 'effectMonths', label: '影响期', type: 'count', unit: '个月', max: 120 },
    { key: 'noExcellent', label: '当年不得评优', type: 'bool' },
    { key: 'promotionBarMonths', label: '不得提拔', type: 'count', unit: '个月', max: 120 },
    { key: 'unitDeduction', label: '计入单位扣分', type: 'bool' },
    { key: 'basis', label: '依据', type: 'text', required: true, max: 200, wide: true },
    { key: 'note', label: '备注', type: 'text', required: false, max: 200 },
  ],
  defaults: [
    form('criticism', '批评教育', '个人', 0, 0, seed),
    form('circulate', '通报批评', '个人', 0, 0, seed),
    form('caution', '告诫', '个人', 0, 0, seed),
    form('transfer_post', '调离现岗位', '个人', 0, 0, seed),
    form('suspension', '停职', '个人', 0, 0, seed),
    form(
      'dismissal',
      '免职',
      '个人',
      12,
      12,
      `${seed}；${interim}：免职的，一年内不得重新担任与其原任职务相当的领导职务`,
    ),
    form('admonish', '诫勉', '个人', 6, 6, `${party}；受到诫勉的，六个月内不得提拔或者重用`),
    form('apology', '责令公开道歉', '个人', 0, 0, interim),
    form('resign_blame', '引咎辞职', '个人', 12, 12, `${interim}：一年内不得重新担任与其原任职务相当的领导职务`),
    form('resign_order', '责令辞职', '个人', 12, 12, `${interim}：一年内不得重新担任与其原任职务相当的领导职务`),
    form('org_handling', '组织处理', '个人', 12, 12, `${org}：影响期内不得提拔`),
    form('gov_warning', '政务警告', '个人', 6, 6, `${gov}第八条：警告，六个月`),
    form('demerit', '记过', '个人', 12, 12, `${gov}第八条：记过，十二个月`),
    form('major_demerit', '记大过', '个人', 18, 18, `${gov}第八条：记大过，十八个月`),
    form('demotion', '降级', '个人', 24, 24, `${gov}第八条：降级，二十四个月`),
    form('removal', '撤职', '个人', 24, 24, `${gov}第八条：撤职，二十四个月`),
    form('expulsion', '开除', '个人', 0, 0, gov),
    form('unit_circulate', '通报', '单位', 0, 0, party, { unitDeduction: false }),
    form('unit_rectify', '限期整改', '单位', 0, 0, seed, { unitDeduction: false }),
    form('unit_deduct', '扣分', '单位', 0, 0, '本地考核办法：发生重大问题的单位扣分，当年不得评先评优', {
      unitDeduction: true,
      note: '按“单位扣分规则”中“发生重大问题”一行扣分',
    }),
  ],
  required: [],
};

const period = (code: string, item: string, days: number, unit: '日' | '工作日', basis: string): RuleRow => ({
  code,
  item,
  days,
  unit,
  basis,
});

export const appealWindows: RuleTableSpec = {
  columns: [
    { key: 'code', label: '代码', type: 'code' },
    { key: 'item', label: '期限事项', type: 'text', required: true, max: 40, wide: true },
    { key: 'days', label: '期限', type: 'count', unit: '天', max: 365 },
    { key: 'unit', label: '计算单位', type: 'choice', options: ['日', '工作日'] },
    { key: 'basis', label: '依据', type: 'text', required: true, max: 200, wide: true },
  ],
  defaults: [
    period('statement', '陈述申辩（自告知之日起）', 5, '工作日', '本地问责办法：被问责人可在告知后5个工作日内陈述申辩'),
    period('appeal', '申诉（自收到问责决定之日起）', 15, '日', `${interim}：自收到决定之日起十五日内申诉`),
    period('appeal_answer', '申诉、复查答复', 30, '日', `${interim}：受理机关在三十日内作出复查决定`),
    period('review_answer', '复核答复', 15, '工作日', '本地问责办法：复核在15个工作日内答复'),
    period(
      'execution_report',
      '执行情况报告（自送达之日起）',
      5,
      '工作日',
      '本地问责办法：被问责单位在5个工作日内报告执行情况',
    ),
  ],
  required: ['statement', 'appeal', 'appeal_answer', 'review_answer', 'execution_report'],
};
