import { noticeFaults } from '../../../db/repos/auto-points';
import { faultEntries, unitDeductionsTable } from './deductions';
import type { ScoreSource } from './sources';

/**
 * 问询 and 督办 notices the unit let pass its deadline (the board's overdue: open past the deadline in force) or
 * answered late (a reply recorded after it), counted in the plan whose period holds the deadline. A late answer
 * counts too: otherwise a unit could answer the day before scoring and lose nothing.
 */
export const noticesSource: ScoreSource = {
  key: 'notice_overdue',
  label: '逾期未回复的问询、督办通知',
  collect: (ctx) =>
    faultEntries(
      ctx,
      'notice_overdue',
      noticeFaults(ctx.sqlite, { from: ctx.plan.periodStart, to: ctx.plan.periodEnd, today: ctx.today }),
      {
        overdue: { code: 'notice_overdue', words: '逾期未回复' },
        late: { code: 'notice_late', words: '逾期回复' },
        measure: '件',
        refType: 'notices',
      },
    ),
  ruleTable: (sqlite) => unitDeductionsTable({ sqlite }),
};
