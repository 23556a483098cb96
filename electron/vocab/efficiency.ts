import { vocabulary } from './define';

/** Which cost figure a cost indicator judges (行政成本, seed 二.1). */
export const costMeasure = vocabulary({ public: '公用经费', three: '三公经费', perStaff: '人均行政成本' }, [
  'public',
  'three',
  'perStaff',
]);

/** What the figure is held against: this year's budget, or the year before's spending. */
export const costBasis = vocabulary({ budget: '对照预算', prior: '对照上年' }, ['budget', 'prior']);

/** Where an approval item stands at the time it is judged (审批效率, seed 二.3). */
export const approvalStanding = vocabulary(
  { onTime: '按时办结', late: '超期办结', overdue: '逾期未办结', pending: '在办' },
  ['onTime', 'late', 'overdue', 'pending'],
);
