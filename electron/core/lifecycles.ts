import { letterState, noticeState, planState, rectificationState, reportState, scoreSheetState } from '../vocab';
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

export const lifecycles = {
  plan: planLifecycle,
  letter: letterLifecycle,
  report: reportLifecycle,
  notice: noticeLifecycle,
  rectification: rectificationLifecycle,
  scoreSheet: scoreSheetLifecycle,
};
