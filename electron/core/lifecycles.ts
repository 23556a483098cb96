import {
  caseState,
  letterState,
  noticeState,
  objectionState,
  planState,
  publicationState,
  rectificationState,
  reportState,
  scoreSheetState,
} from '../vocab';
import { lifecycle } from './lifecycle';

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

/**
 * 问责案件: 立案 → 调查核实 → 审议 → 决定 → 送达 → 申诉/复查 → 执行 → 归档; 撤销 with a reason at any point before it is
 * archived, 终止 with a reason before a decision. What each step needs beyond these fields (two investigators, the
 * statements, every subject decided or served) is checked in services/accountability.
 */
export const caseLifecycle = lifecycle({
  name: '这个问责案件',
  states: caseState,
  actions: {
    edit: '修改案件',
    investigate: '开始调查核实',
    deliberate: '提交审议',
    decide: '作出问责决定',
    serve: '送达',
    appeal: '登记申诉或复核',
    review: '作出复查决定',
    execute: '转入执行',
    archive: '归档',
    revoke: '撤销',
    terminate: '终止',
  },
  transitions: [
    { action: 'edit', from: ['opened', 'investigating', 'deliberating'], to: 'same', roles: ['evaluator'] },
    { action: 'investigate', from: ['opened'], to: 'investigating', roles: ['evaluator'] },
    {
      action: 'deliberate',
      from: ['investigating'],
      to: 'deliberating',
      roles: ['evaluator'],
      requires: [{ field: 'facts', label: '调查认定的事实' }],
    },
    { action: 'decide', from: ['deliberating', 'decided'], to: 'decided', roles: ['evaluator'] },
    { action: 'serve', from: ['decided', 'served'], to: 'served', roles: ['evaluator'] },
    {
      action: 'appeal',
      from: ['served', 'appealed', 'executing'],
      to: 'appealed',
      roles: ['evaluator'],
      requires: [{ field: 'grounds', label: '申诉理由' }],
    },
    {
      action: 'review',
      from: ['appealed'],
      to: 'same',
      roles: ['evaluator'],
      requires: [{ field: 'note', label: '复查意见' }],
    },
    { action: 'execute', from: ['served', 'appealed'], to: 'executing', roles: ['evaluator'] },
    { action: 'archive', from: ['executing'], to: 'archived', roles: ['evaluator'] },
    {
      action: 'revoke',
      from: ['opened', 'investigating', 'deliberating', 'decided', 'served', 'appealed', 'executing'],
      to: 'revoked',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '撤销理由' }],
    },
    {
      action: 'terminate',
      from: ['opened', 'investigating', 'deliberating'],
      to: 'terminated',
      roles: ['evaluator'],
      requires: [{ field: 'reason', label: '终止理由' }],
    },
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
  case: caseLifecycle,
};
