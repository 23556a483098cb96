/** The names of the travelling tables as the 数据交换 page and the command line show them (issue #20). */
export const tableLabels: Record<string, string> = {
  categories: '考核类别',
  units: '单位',
  people: '人员',
  person_posts: '任职记录',
  documents: '公文',
  plans: '考核方案',
  indicators: '指标',
  targets: '目标',
  letters: '目标责任书',
  progress_reports: '进度报告',
  report_attachments: '报告佐证材料',
  report_reviews: '进展审核意见',
  rectification_reports: '整改完成报告',
  notices: '通知书',
  notice_replies: '回复',
  rectifications: '整改报告',
  checks: '督查',
  findings: '督查发现',
  reply_attachments: '回复附件',
  calendar_days: '节假日',
  plan_scoring_rules: '计分规则',
  plan_reward_rules: '奖励规则',
  rule_tables: '规则表',
  rule_table_versions: '规则表版本',
  approval_records: '审批记录',
  admin_costs: '行政成本',
  score_entries: '评分',
  score_sheets: '评分表',
  score_snapshots: '考评结果',
  publications: '公示',
  objections: '异议',
  clues: '问责线索',
};
export const tableLabel = (t: string) => tableLabels[t] ?? t;

export const keyStatusLabels: Record<string, { text: string; color: string }> = {
  trusted: { text: '已信任', color: 'green' },
  replaced: { text: '已更换', color: 'default' },
  revoked: { text: '已吊销', color: 'red' },
  none: { text: '无密钥', color: 'orange' },
};

export const relationLabels = { parent: '上级', child: '下级' } as const;

export const packageKindLabels = { data: '数据包', receipt: '回执' } as const;
export const directionLabels = { out: '发出', in: '收到' } as const;
