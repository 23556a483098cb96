import { rectificationFaults } from '../../../db/repos/auto-points';
import { faultEntries, unitDeductionsTable } from './deductions';
import type { ScoreSource } from './sources';

/**
 * Rectification items open past their deadline, or reported done after it, counted in the plan whose period holds
 * the deadline. An item done in time that the office has not yet verified is the office's wait, not the unit's fault.
 */
export const rectificationSource: ScoreSource = {
  key: 'rectification_overdue',
  label: '逾期未通过验收的整改',
  collect: (ctx) =>
    faultEntries(
      ctx,
      'rectification_overdue',
      rectificationFaults(ctx.sqlite, { from: ctx.plan.periodStart, to: ctx.plan.periodEnd, today: ctx.today }),
      {
        overdue: { code: 'rectification_overdue', words: '逾期未完成' },
        late: { code: 'rectification_late', words: '超期完成' },
        measure: '项',
        refType: 'rectifications',
      },
    ),
  ruleTable: (sqlite) => unitDeductionsTable({ sqlite }),
};
