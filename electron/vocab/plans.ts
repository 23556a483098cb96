import { type ValueOf, vocabulary } from './define';

export const planState = vocabulary(
  {
    draft: '草拟',
    published: '已发布',
    signed: '责任书已签订',
    scoring: '考核评分',
    results: '结果已公布',
    closed: '已归档',
  },
  ['draft', 'published', 'signed', 'scoring', 'results', 'closed'],
);

export const indicatorKind = vocabulary(
  { common: '共性指标', specific: '个性指标', bonus: '加分项目', deduction: '扣分项目', veto: '一票否决' },
  ['common', 'specific', 'bonus', 'deduction', 'veto'],
);

export const scoringMethod = vocabulary(
  {
    linear: '按完成率计分',
    threshold: '分档计分',
    grade: '等次计分（A—D）',
    per_occurrence: '按次扣分（封顶）',
    veto: '一票否决',
    judgement: '综合评议',
  },
  ['linear', 'threshold', 'grade', 'per_occurrence', 'veto', 'judgement'],
);

/** A scoring method as named for an item of a kind: counted per occurrence, a bonus item adds where others deduct. */
export const scoringMethodFor = (kind: ValueOf<typeof indicatorKind>, method: ValueOf<typeof scoringMethod>): string =>
  kind === 'bonus' && method === 'per_occurrence' ? '按次加分（封顶）' : scoringMethod.labels[method];

/** A unit's responsibility letter: made (generated, maybe again) and signed. */
export const letterState = vocabulary({ none: '未生成', generated: '已生成待签订', signed: '已签订' }, [
  'none',
  'generated',
  'signed',
]);

export const reportState = vocabulary({ draft: '草稿', submitted: '已报送', returned: '已退回', accepted: '已通过' }, [
  'draft',
  'submitted',
  'returned',
  'accepted',
]);

export const lag = vocabulary({ on_track: '正常', lagging: '滞后', serious: '严重滞后', unreported: '未报送' }, [
  'on_track',
  'lagging',
  'serious',
  'unreported',
]);
