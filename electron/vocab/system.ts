import { vocabulary } from './define';

/** The kinds of official document the system numbers, each with its own 代字 and sequence. */
export const docKind = vocabulary(
  {
    letter: '目标责任书',
    inquiry: '问询通知书',
    supervision: '督办通知书',
    rectification: '整改通知书',
    checkReport: '督查通报',
    decision: '问责决定书',
    publicity: '公示',
    transfer: '移送处理书',
    efficiency: '审批绩效通报',
    resultsBulletin: '考核结果通报',
    auditNotice: '绩效审计结果公告',
    serviceProof: '送达回证',
    accountabilityBulletin: '问责情况通报',
    staffPublicity: '优秀等次公示',
    minutes: '会议纪要',
    channelNotice: '公开投诉渠道公告',
    incidentReview: '检讨通知',
  },
  [
    'letter',
    'inquiry',
    'supervision',
    'rectification',
    'checkReport',
    'decision',
    'publicity',
    'transfer',
    'efficiency',
    'resultsBulletin',
    'auditNotice',
    'serviceProof',
    'accountabilityBulletin',
    'staffPublicity',
    'minutes',
    'channelNotice',
    'incidentReview',
  ],
);

export const backupKind = vocabulary(
  { manual: '手动备份', auto: '自动备份', 'pre-restore': '恢复前自动保留', 'pre-import': '导入数据包前' },
  ['manual', 'auto', 'pre-restore', 'pre-import'],
);

/** Long work in the background, one contract for all of it (services/jobs.ts). */
export const jobKind = vocabulary(
  {
    letters: '批量生成责任书',
    import: '导入',
    export: '导出',
    backup: '备份',
    package: '数据交换包',
    staffForms: '考核登记表合订本',
  },
  ['letters', 'import', 'export', 'backup', 'package', 'staffForms'],
);
export const jobState = vocabulary({ running: '进行中', done: '已完成', cancelled: '已取消', failed: '未完成' }, [
  'running',
  'done',
  'cancelled',
  'failed',
]);

export const calendarDayKind = vocabulary({ holiday: '休', workday: '班' }, ['holiday', 'workday']);
