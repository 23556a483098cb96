import { vocabulary } from './define';

/**
 * The supervision web (issue #18): complaints (投诉), audit findings (审计), case transfers (移送) and joint meetings
 * (联席会议). What their records may say, in one place.
 */

export const complaintChannel = vocabulary(
  { phone: '电话', letter: '信函', web: '网站', hotline: '12345 转办', visit: '当面', other: '其他' },
  ['phone', 'letter', 'web', 'hotline', 'visit', 'other'],
);

export const complaintCategory = vocabulary(
  {
    delay: '推诿拖拉',
    perfunctory: '敷衍塞责',
    inefficient: '效率低下',
    extortion: '吃拿卡要',
    inaction: '不作为',
    misconduct: '乱作为',
    attitude: '服务态度差',
    other: '其他',
  },
  ['delay', 'perfunctory', 'inefficient', 'extortion', 'inaction', 'misconduct', 'attitude', 'other'],
);

export const complaintState = vocabulary({ open: '办理中', closed: '已办结' }, ['open', 'closed']);

export const auditKind = vocabulary(
  {
    budget: '预算执行',
    economic: '经济责任',
    special_fund: '专项资金',
    investment: '政府投资项目',
    procurement: '政府采购',
    internal_control: '财务内部控制',
  },
  ['budget', 'economic', 'special_fund', 'investment', 'procurement', 'internal_control'],
);

export const auditState = vocabulary({ open: '整改中', closed: '已办结' }, ['open', 'closed']);

/** The offices that transfer a case to the supervisory body (seed 四.2). */
export const transferBody = vocabulary(
  { finance: '财政部门', audit: '审计部门', legal: '法制部门', supervision: '督查部门', evaluation: '考评办' },
  ['finance', 'audit', 'legal', 'supervision', 'evaluation'],
);

export const transferState = vocabulary({ sent: '待反馈', answered: '已反馈' }, ['sent', 'answered']);

export const meetingState = vocabulary({ held: '已召开', issued: '纪要已印发' }, ['held', 'issued']);

/** How a body was at a joint meeting: the 纪要's 出席, 请假 and 列席 lines (GB/T 9704 10.3), in this order. */
export const meetingAttendance = vocabulary({ present: '出席', leave: '请假', observer: '列席' }, [
  'present',
  'leave',
  'observer',
]);
