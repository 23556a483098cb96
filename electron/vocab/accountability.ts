import { vocabulary } from './define';

/**
 * Where a 问责线索 came from. A clue keeps the source record's kind and UUID, so a register added later plugs in by
 * adding its kind here and nothing else changes in the clue.
 */
export const clueSource = vocabulary(
  {
    rectification: '整改事项转问责',
    notice: '通知书逾期未回复',
    finding: '督查发现',
    score: '考核低分或否决',
    complaint: '投诉',
    audit_finding: '审计发现',
    transfer: '移送处理',
    joint_meeting: '联席会议',
    incident_review: '重大事故/事件责任检讨',
    manual: '直接登记',
  },
  [
    'rectification',
    'notice',
    'finding',
    'score',
    'complaint',
    'audit_finding',
    'transfer',
    'joint_meeting',
    'incident_review',
    'manual',
  ],
);

/** A clue is assessed once: 立案, merged into an existing case, or closed with a reason. */
export const clueState = vocabulary({ pending: '待研判', filed: '已立案', merged: '已并案', closed: '已了结' }, [
  'pending',
  'filed',
  'merged',
  'closed',
]);
