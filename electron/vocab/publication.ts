import { vocabulary } from './define';

/**
 * 公示 and 异议: one model for every list put before the public — the year's assessment results now, the civil
 * servants' 优秀 list later (#19) — each a subject kind here.
 */
export const publicationSubject = vocabulary(
  { plan_results: '年度目标管理考核结果', staff_excellent: '公务员年度考核优秀等次' },
  ['plan_results', 'staff_excellent'],
);

/**
 * A 公示's state. 公示期满 is reached by the calendar, not by a person: the stored state stays 公示中 and readers
 * derive 公示期满 once the last day has passed (core/publication.ts publicationStateOn).
 */
export const publicationState = vocabulary({ open: '公示中', expired: '公示期满', notified: '已通报' }, [
  'open',
  'expired',
  'notified',
]);

/** 异议: registered, investigated, answered (upheld or not). */
export const objectionState = vocabulary({ registered: '已登记', investigating: '调查核实中', answered: '已答复' }, [
  'registered',
  'investigating',
  'answered',
]);

export const objectionOutcome = vocabulary({ upheld: '异议成立', rejected: '异议不成立' }, ['upheld', 'rejected']);
