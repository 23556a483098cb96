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

/**
 * 问责案件: 立案 → 调查核实 → 审议 → 决定 → 送达 → 申诉/复查 → 执行 → 归档, or 撤销 / 终止 with a reason
 * (the transitions are a table in electron/core/lifecycles.ts).
 */
export const caseState = vocabulary(
  {
    opened: '已立案',
    investigating: '调查核实',
    deliberating: '审议',
    decided: '已决定',
    served: '已送达',
    appealed: '申诉/复查',
    executing: '执行',
    archived: '已归档',
    revoked: '已撤销',
    terminated: '已终止',
  },
  [
    'opened',
    'investigating',
    'deliberating',
    'decided',
    'served',
    'appealed',
    'executing',
    'archived',
    'revoked',
    'terminated',
  ],
);

/** 问责情形 (seed 三.2). */
export const faultCategory = vocabulary(
  {
    policy: '政令落实不力',
    inaction: '不作为、乱作为',
    finance: '财政违纪违法与浪费',
    enforcement: '执法不力、违法',
    incident: '重大事故、事件',
  },
  ['policy', 'inaction', 'finance', 'enforcement', 'incident'],
);

/** 情节. */
export const faultDegree = vocabulary(
  { light: '情节较轻', ordinary: '情节一般', heavy: '情节较重', grave: '情节严重' },
  ['light', 'ordinary', 'heavy', 'grave'],
);

/** 责任类型. */
export const responsibilityType = vocabulary(
  { direct: '直接责任', main_leader: '主要领导责任', important_leader: '重要领导责任' },
  ['direct', 'main_leader', 'important_leader'],
);

/** Who a case is about: a unit or a person. */
export const subjectKind = vocabulary({ unit: '单位', person: '个人' }, ['unit', 'person']);

/** The subject's 陈述申辩: not yet heard, given (recorded), or none given within the time allowed. */
export const statementState = vocabulary({ pending: '待陈述申辩', given: '已陈述申辩', none: '逾期未陈述申辩' }, [
  'pending',
  'given',
  'none',
]);

/**
 * A 问责决定: made (its document issued), served (the clocks start), replaced by a 复查 that changed it, or revoked
 * (by a 复查 or with a reason). A served decision is never deleted.
 */
export const decisionState = vocabulary(
  { made: '已作出待送达', served: '已送达', changed: '已变更', revoked: '已撤销' },
  ['made', 'served', 'changed', 'revoked'],
);

/** 复查 (or 复核/申诉) outcome. */
export const appealOutcome = vocabulary({ upheld: '维持', changed: '变更', revoked: '撤销' }, [
  'upheld',
  'changed',
  'revoked',
]);

/** What the subject asked for: a 复核 by the deciding body or an 申诉 to the body above (answer periods differ). */
export const appealKind = vocabulary({ appeal: '申诉', review: '复核' }, ['appeal', 'review']);

/**
 * 重大事故/事件的责任检讨: the demand waits for the unit head's written explanation (待检讨); once submitted it is
 * accepted or returned to be rewritten (then submitted again); withdrawn with a reason while open.
 */
export const incidentReviewState = vocabulary(
  { pending: '待检讨', submitted: '已提交检讨', returned: '退回重写', accepted: '已认可', withdrawn: '已撤回' },
  ['pending', 'submitted', 'returned', 'accepted', 'withdrawn'],
);
