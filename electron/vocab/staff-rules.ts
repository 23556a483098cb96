import { measureCategory } from './staff';

/**
 * The civil servants' annual assessment's rule tables (shared/domain/rules.md “Civil-servant annual assessment”):
 * how a measure limits the grade of the year it was decided in and of the years after, and the 优秀 share tied to
 * the unit's own grade. The effects are the words of the `choice` columns; electron/core/staff-assessment.ts reads
 * them. Declared apart from rule-tables.ts (which lists them) so that file stays about the kinds.
 */

/** What a measure does to the grade of the year it was decided in (the order is not the severity). */
export const thisYearEffect = [
  '不得评为优秀',
  '只写评语、不定等次',
  '定为不称职',
  '不定等次',
  '待案件办结后确定',
] as const;
/** What it does to the years after. */
export const laterYearsEffect = ['无', '次年不定等次', '以后两年不定等次', '影响期内不定等次'] as const;

const party = measureCategory.labels.party;
const gov = measureCategory.labels.government;
const org = measureCategory.labels.organisational;
const acc = measureCategory.labels.accountability;
const other = measureCategory.labels.other;

const basis2020 = '《公务员考核规定》（2020年）及《中国共产党纪律处分条例》《公职人员政务处分法》有关规定';

const limit = (
  code: string,
  measure: string,
  category: string,
  thisYear: (typeof thisYearEffect)[number],
  laterYears: (typeof laterYearsEffect)[number],
  basis = basis2020,
) => ({ code, measure, category, thisYear, laterYears, basis });

export const staffGradeLimits = {
  columns: [
    { key: 'code', label: '代码', type: 'code' },
    { key: 'measure', label: '处分或处理', type: 'text', required: true, max: 20 },
    {
      key: 'category',
      label: '类别',
      type: 'choice',
      options: measureCategory.values.map((v) => measureCategory.labels[v]),
    },
    { key: 'thisYear', label: '当年等次', type: 'choice', options: thisYearEffect },
    { key: 'laterYears', label: '以后年度', type: 'choice', options: laterYearsEffect },
    { key: 'basis', label: '依据', type: 'text', required: true, max: 200, wide: true },
  ],
  defaults: [
    limit('party_warning', '党内警告', party, '不得评为优秀', '无'),
    limit('party_serious_warning', '严重警告', party, '只写评语、不定等次', '无'),
    limit('party_post_revoked', '撤销党内职务', party, '定为不称职', '无'),
    limit('party_probation', '留党察看', party, '定为不称职', '影响期内不定等次'),
    limit('party_expelled', '开除党籍', party, '定为不称职', '以后两年不定等次'),
    limit('gov_warning', '警告', gov, '不得评为优秀', '无'),
    limit('gov_demerit', '记过', gov, '不定等次', '无'),
    limit('gov_major_demerit', '记大过', gov, '不定等次', '次年不定等次'),
    limit('gov_demotion', '降级', gov, '不定等次', '次年不定等次'),
    limit('gov_dismissal', '撤职', gov, '不定等次', '次年不定等次'),
    limit('org_adjust', '调整职务', org, '不得评为优秀', '无'),
    limit('org_resign', '责令辞职', org, '不定等次', '无'),
    limit('org_removal', '免职', org, '不定等次', '无'),
    limit('org_demoted', '降职', org, '不定等次', '无'),
    limit('admonition', '诫勉', acc, '不得评为优秀', '无'),
    limit(
      'under_investigation',
      '立案审查调查',
      other,
      '待案件办结后确定',
      '无',
      '正在接受审查调查、案件尚未办结的，暂不确定等次，待案件办结后确定',
    ),
  ],
  required: ['under_investigation'],
} as const;

export const staffExcellentQuota = {
  columns: [
    { key: 'code', label: '代码', type: 'code' },
    { key: 'unitGrade', label: '单位考核等次', type: 'text', required: true, max: 10 },
    { key: 'share', label: '优秀比例（%）', type: 'points' },
    { key: 'note', label: '备注', type: 'text', required: false, max: 200, wide: true },
  ],
  defaults: [
    { code: 'unit_excellent', unitGrade: '优秀', share: 15, note: '本地办法示例：单位目标考核为优秀的' },
    { code: 'unit_good', unitGrade: '良好', share: 12, note: '' },
    { code: 'unit_pass', unitGrade: '达标', share: 10, note: '' },
    { code: 'unit_below', unitGrade: '未达标', share: 8, note: '' },
  ],
  required: [],
} as const;
