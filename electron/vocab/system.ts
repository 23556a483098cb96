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
  },
  ['letter', 'inquiry', 'supervision', 'rectification', 'checkReport', 'decision', 'publicity', 'transfer'],
);

export const backupKind = vocabulary(
  { manual: '手动备份', auto: '自动备份', 'pre-restore': '恢复前自动保留', 'pre-import': '导入数据包前' },
  ['manual', 'auto', 'pre-restore', 'pre-import'],
);

export const calendarDayKind = vocabulary({ holiday: '休', workday: '班' }, ['holiday', 'workday']);
