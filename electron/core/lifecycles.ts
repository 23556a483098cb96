import {
  auditState,
  complaintState,
  letterState,
  meetingState,
  transferState,
  noticeState,
  objectionState,
  planState,
  publicationState,
  rectificationState,
  reportState,
  scoreSheetState,
} from '../vocab';
import { lifecycle } from './lifecycle';
import { caseLifecycle, incidentReviewLifecycle } from './lifecycles-cases';

export { caseLifecycle, incidentReviewLifecycle };

/**
 * Every lifecycle of the records the office keeps, as tables (see lifecycle.ts). Cases, decisions and
 * objections add theirs here.
 */

/** 年度考核方案: forward one step at a time, or back to 草拟 before anything is signed (a fact checked in plans.ts). */
export const planLifecycle = lifecycle({
  name: '方案',
  states: planState,
  actions: {
    publish: '发布',
    unpublish: '退回草拟',
    confirmSigned: '确认责任书全部签订',
    startScoring: '进入考核评分',
    publishResults: '公布结果',
    archive: '归档',
  },
  transitions: [
    { action: 'publish', from: ['draft'], to: 'published', roles: ['evaluator'] },
    { action: 'confirmSigned', from: ['published'], to: 'signed', roles: ['evaluator'] },
    { action: 'unpublish', from: ['published'], to: 'draft', roles: ['evaluator'] },
    { action: 'startScoring', from: ['signed'], to: 'scoring', roles: ['evaluator'] },
    { action: 'publishResults', from: ['scoring'], to: 'results', roles: ['evaluator'] },
    { action: 'archive', from: ['results'], to: 'closed', roles: ['evaluator'] },
  ],
});

/**
 * 目标责任书 of one unit: generated (again when what it prints changed, see handlers/letters.ts), re-issued
 * while current only with a reason, signed, unsigned with a reason.
 */
export const letterLifecycle = lifecycle({
  name: '责任书',
  states: letterState,
  actions: { generate: '生成', reissue: '重新印发', sign: '登记签订', unsign: '撤销签订' },
  transitions: [
    { action: 'generate', from: ['none', 'generated'], to: 'generated', roles: ['evaluator'] },
    {
      action: 'reissue',
      from: ['generated'],
      to: 'generated',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '重新印发原因' }],
    },
    {
      action: 'sign',
      from: ['generated'],
      to: 'signed',
      roles: ['evaluator'],
      requires: [
        { field: 'signedDate', label: '签订日期' },
        { field: 'partyASigner', label: '甲方签字人' },
        { field: 'partyBSigner', label: '乙方签字人' },
      ],
    },
    {
      action: 'unsign',
      from: ['signed'],
      to: 'generated',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '撤销原因' }],
    },
  ],
});

/** 季度进展报告: the unit writes and submits; the office accepts or returns it with a reason. */
export const reportLifecycle = lifecycle({
  name: '这份进展',
  states: reportState,
  actions: { edit: '修改', attach: '增删佐证材料', submit: '报送', accept: '审核通过', return: '退回' },
  transitions: [
    { action: 'edit', from: ['draft', 'returned'], to: 'same', roles: ['evaluator', 'clerk'] },
    { action: 'attach', from: ['draft', 'returned'], to: 'same', roles: ['evaluator', 'clerk'] },
    { action: 'submit', from: ['draft', 'returned'], to: 'submitted', roles: ['evaluator', 'clerk'] },
    { action: 'accept', from: ['submitted'], to: 'accepted', roles: ['evaluator'] },
    {
      action: 'return',
      from: ['submitted'],
      to: 'returned',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '原因' }],
    },
  ],
});

/** 问询 / 督办 / 整改通知书: replied, accepted or returned for another reply, closed. */
export const noticeLifecycle = lifecycle({
  name: '这份通知书',
  states: noticeState,
  actions: {
    reply: '登记回复',
    accept: '认可回复',
    return: '退回重报',
    extend: '延期',
    attach: '补充回复材料',
    close: '办结',
    escalate: '转为问责线索',
  },
  transitions: [
    {
      action: 'reply',
      from: ['issued', 'returned'],
      to: 'replied',
      // the unit's 录入员 answers from his home; the office records a reply that came on paper
      roles: ['evaluator', 'clerk'],
      requires: [{ field: 'content', label: '回复内容' }],
    },
    { action: 'accept', from: ['replied'], to: 'accepted', roles: ['evaluator'] },
    {
      action: 'return',
      from: ['replied'],
      to: 'returned',
      roles: ['evaluator'],
      requires: [{ field: 'note', label: '原因' }],
    },
    {
      action: 'extend',
      from: ['issued', 'returned'],
      to: 'same',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '延期理由' }],
    },
    // the unit's 录入员 adds evidence to his reply while it waits for review; the office at any time before 办结
    { action: 'attach', from: ['replied'], to: 'same', roles: ['evaluator', 'clerk'] },
    { action: 'attach', from: ['issued', 'accepted', 'returned'], to: 'same', roles: ['evaluator'] },
    { action: 'close', from: ['accepted'], to: 'closed', roles: ['evaluator'] },
    // overdue without a reply: like an overdue rectification item, it may become a 问责线索 (checked in the handler)
    {
      action: 'escalate',
      from: ['issued', 'returned'],
      to: 'same',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '理由' }],
    },
  ],
});

/** 整改事项: done by the unit, verified by the office (or sent back), escalated when overdue. */
export const rectificationLifecycle = lifecycle({
  name: '这个整改事项',
  states: rectificationState,
  actions: { done: '登记完成', verify: '核验通过', reject: '核验不通过', escalate: '转为问责线索' },
  transitions: [
    { action: 'done', from: ['open'], to: 'done', roles: ['evaluator', 'clerk'] },
    { action: 'verify', from: ['done'], to: 'verified', roles: ['evaluator'] },
    {
      action: 'reject',
      from: ['done'],
      to: 'open',
      roles: ['evaluator'],
      requires: [{ field: 'note', label: '原因' }],
    },
    {
      action: 'escalate',
      from: ['open'],
      to: 'same',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '理由' }],
    },
  ],
});

/**
 * 评分表 of one 考核责任单位: filled in (by the body's 录入员, or by the office keying in a paper sheet), submitted —
 * its entries lock — and returned by the office with a reason the body sees.
 */
export const scoreSheetLifecycle = lifecycle({
  name: '这份评分表',
  states: scoreSheetState,
  actions: { edit: '录入评分', submit: '报送', return: '退回' },
  transitions: [
    { action: 'edit', from: ['draft', 'returned'], to: 'same', roles: ['evaluator', 'clerk'] },
    { action: 'submit', from: ['draft', 'returned'], to: 'submitted', roles: ['evaluator', 'clerk'] },
    {
      action: 'return',
      from: ['submitted'],
      to: 'returned',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '退回原因' }],
    },
  ],
});

/**
 * 公示 (results now, the civil servants' 优秀 list later): objections are received while it runs and after it ends
 * (one received on its last day may be registered later; core/publication.ts refuses one received after it); once
 * the period is over (公示期满, by the calendar) the 通报 closes it.
 */
export const publicationLifecycle = lifecycle({
  name: '公示',
  states: publicationState,
  actions: { receive: '登记异议', notify: '印发通报' },
  transitions: [
    { action: 'receive', from: ['open', 'expired'], to: 'same', roles: ['evaluator'] },
    { action: 'notify', from: ['expired'], to: 'notified', roles: ['evaluator'] },
  ],
});

/**
 * 异议: registered, investigated, answered (upheld or not). An upheld objection on a unit's score reopens that unit
 * for re-scoring, which ends in a new snapshot (services/scoring/snapshots.ts).
 */
export const objectionLifecycle = lifecycle({
  name: '这件异议',
  states: objectionState,
  actions: { investigate: '调查核实', answer: '答复', rescore: '重新评分' },
  transitions: [
    {
      action: 'investigate',
      from: ['registered'],
      to: 'investigating',
      roles: ['evaluator'],
      requires: [{ field: 'investigation', label: '调查核实情况' }],
    },
    {
      action: 'answer',
      from: ['investigating'],
      to: 'answered',
      roles: ['evaluator'],
      requires: [
        { field: 'outcome', label: '调查结论（异议是否成立）' },
        { field: 'answer', label: '答复意见' },
      ],
    },
    { action: 'rescore', from: ['answered'], to: 'same', roles: ['evaluator'] },
  ],
});

/** 投诉: handled by the office, concluded with a result (查实 or not), reopened with a reason, turned into a clue. */
export const complaintLifecycle = lifecycle({
  name: '这件投诉',
  states: complaintState,
  actions: { edit: '修改', conclude: '办结', reopen: '重新办理', escalate: '转为问责线索' },
  transitions: [
    { action: 'edit', from: ['open'], to: 'same', roles: ['evaluator'] },
    {
      action: 'conclude',
      from: ['open'],
      to: 'closed',
      roles: ['evaluator'],
      requires: [
        { field: 'result', label: '办理结果' },
        { field: 'substantiated', label: '是否查实' },
      ],
    },
    {
      action: 'reopen',
      from: ['closed'],
      to: 'open',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '重新办理的原因' }],
    },
    { action: 'escalate', from: ['open'], to: 'same', roles: ['evaluator'] },
    { action: 'escalate', from: ['closed'], to: 'same', roles: ['evaluator'] },
  ],
});

/** 审计发现: its rectification items are added while it is open (and verified as rectification items); closed when done. */
export const auditFindingLifecycle = lifecycle({
  name: '这项审计',
  states: auditState,
  actions: { edit: '修改', addItem: '添加整改事项', close: '办结', escalate: '转为问责线索' },
  transitions: [
    { action: 'edit', from: ['open'], to: 'same', roles: ['evaluator'] },
    { action: 'addItem', from: ['open'], to: 'same', roles: ['evaluator'] },
    { action: 'close', from: ['open'], to: 'closed', roles: ['evaluator'] },
    { action: 'escalate', from: ['open'], to: 'same', roles: ['evaluator'] },
    { action: 'escalate', from: ['closed'], to: 'same', roles: ['evaluator'] },
  ],
});

/** 移送处理: sent, the feedback awaited until its due date (overdue on the board), then registered. */
export const transferLifecycle = lifecycle({
  name: '这件移送',
  states: transferState,
  actions: { edit: '修改', feedback: '登记反馈', escalate: '转为问责线索' },
  transitions: [
    { action: 'edit', from: ['sent'], to: 'same', roles: ['evaluator'] },
    {
      action: 'feedback',
      from: ['sent'],
      to: 'answered',
      roles: ['evaluator'],
      requires: [
        { field: 'feedback', label: '反馈情况' },
        { field: 'feedbackOn', label: '反馈日期' },
      ],
    },
    { action: 'escalate', from: ['sent'], to: 'same', roles: ['evaluator'] },
    { action: 'escalate', from: ['answered'], to: 'same', roles: ['evaluator'] },
  ],
});

/** 联席会议: recorded, its action items added, its 会议纪要 issued (then the record is fixed). */
export const meetingLifecycle = lifecycle({
  name: '这次联席会议',
  states: meetingState,
  actions: { edit: '修改', addItem: '添加议定事项', issue: '印发会议纪要', escalate: '转为问责线索' },
  transitions: [
    { action: 'edit', from: ['held'], to: 'same', roles: ['evaluator'] },
    { action: 'addItem', from: ['held'], to: 'same', roles: ['evaluator'] },
    { action: 'issue', from: ['held'], to: 'issued', roles: ['evaluator'] },
    { action: 'escalate', from: ['held'], to: 'same', roles: ['evaluator'] },
    { action: 'escalate', from: ['issued'], to: 'same', roles: ['evaluator'] },
  ],
});

export const lifecycles = {
  plan: planLifecycle,
  letter: letterLifecycle,
  report: reportLifecycle,
  notice: noticeLifecycle,
  rectification: rectificationLifecycle,
  scoreSheet: scoreSheetLifecycle,
  publication: publicationLifecycle,
  objection: objectionLifecycle,
  complaint: complaintLifecycle,
  auditFinding: auditFindingLifecycle,
  transfer: transferLifecycle,
  meeting: meetingLifecycle,
  case: caseLifecycle,
  incidentReview: incidentReviewLifecycle,
};
