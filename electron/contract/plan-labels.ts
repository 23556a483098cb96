/** Plan, indicator and scoring-method names shown in the UI and printed in documents. */
export const planStates = ['draft', 'published', 'signed', 'scoring', 'results', 'closed'] as const;
export type PlanState = (typeof planStates)[number];
export const planStateLabels: Record<PlanState, string> = {
  draft: '草拟',
  published: '已发布',
  signed: '责任书已签订',
  scoring: '考核评分',
  results: '结果已公布',
  closed: '已归档',
};

export const indicatorKinds = ['common', 'specific', 'bonus', 'deduction', 'veto'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const indicatorKindLabels: Record<IndicatorKind, string> = {
  common: '共性指标',
  specific: '个性指标',
  bonus: '加分项目',
  deduction: '扣分项目',
  veto: '一票否决',
};

export const scoringMethods = ['linear', 'threshold', 'grade', 'per_occurrence', 'veto', 'judgement'] as const;
export type ScoringMethod = (typeof scoringMethods)[number];
export const scoringMethodLabels: Record<ScoringMethod, string> = {
  linear: '按完成率计分',
  threshold: '分档计分',
  grade: '等次计分（A—D）',
  per_occurrence: '按次扣分（封顶）',
  veto: '一票否决',
  judgement: '综合评议',
};

export const reportStates = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportState = (typeof reportStates)[number];
export const reportStateLabels: Record<ReportState, string> = { draft: '草稿', submitted: '已报送', returned: '已退回', accepted: '已通过' };

export const lags = ['on_track', 'lagging', 'serious', 'unreported'] as const;
export type Lag = (typeof lags)[number];
export const lagLabels: Record<Lag, string> = { on_track: '正常', lagging: '滞后', serious: '严重滞后', unreported: '未报送' };
