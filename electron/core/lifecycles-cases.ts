import { caseState, incidentReviewState } from '../vocab';
import { lifecycle } from './lifecycle';

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

/**
 * 重大事故/事件的责任检讨: a demand to a unit's head for a written explanation to the upper body, by a working-day
 * deadline. The explanation is recorded (待检讨 or 退回重写 → 已提交检讨), then accepted or returned with the office's
 * opinion; an open demand may be withdrawn with a reason. Any review may become a 问责线索 (once).
 */
export const incidentReviewLifecycle = lifecycle({
  name: '这份责任检讨',
  states: incidentReviewState,
  actions: {
    reply: '登记书面检讨',
    accept: '认可检讨',
    return: '退回重写',
    withdraw: '撤回检讨通知',
    escalate: '转为问责线索',
  },
  transitions: [
    {
      action: 'reply',
      from: ['pending', 'returned'],
      to: 'submitted',
      roles: ['evaluator'],
      requires: [
        { field: 'reply', label: '书面检讨内容' },
        { field: 'replyOn', label: '提交日期' },
      ],
    },
    { action: 'accept', from: ['submitted'], to: 'accepted', roles: ['evaluator'] },
    {
      action: 'return',
      from: ['submitted'],
      to: 'returned',
      roles: ['evaluator'],
      requires: [{ field: 'opinion', label: '退回意见' }],
    },
    {
      action: 'withdraw',
      from: ['pending', 'returned'],
      to: 'withdrawn',
      roles: ['evaluator'],
      requires: [{ field: 'opinion', label: '撤回理由' }],
    },
    {
      action: 'escalate',
      from: ['pending', 'submitted', 'returned', 'accepted'],
      to: 'same',
      roles: ['evaluator'],
    },
  ],
});
