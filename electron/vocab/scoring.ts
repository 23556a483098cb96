import { type ValueOf, vocabulary } from './define';
import type { indicatorKind, scoringMethod } from './plans';

/**
 * Where an indicator's points come from when no scoring body enters them: a record the system already keeps.
 * An indicator without one is scored by its 考核责任单位. Later registers (accountability, complaints) add their
 * key here and their source in services/scoring/sources.ts; the column has no CHECK so that adding one needs no
 * table rebuild (the contract and core refuse an unknown key).
 */
export const autoSource = vocabulary(
  {
    progress: '季度进展完成率（审核通过的进展报告）',
    notice_overdue: '逾期未回复的问询、督办通知',
    rectification_overdue: '逾期未通过验收的整改',
    approval_efficiency: '审批效率（审批记录）',
    admin_cost: '行政成本（成本数据）',
    complaints: '查实的投诉（投诉登记）',
    accountability: '问责决定（已送达的问责决定书）',
  },
  [
    'progress',
    'notice_overdue',
    'rectification_overdue',
    'approval_efficiency',
    'admin_cost',
    'complaints',
    'accountability',
  ],
);

type Kind = ValueOf<typeof indicatorKind>;
type Method = ValueOf<typeof scoringMethod>;
export type InputKind = 'rate' | 'grade' | 'occurrences' | 'vetoed' | 'points';

/** The input each scoring method reads (core/plans.ts scoreOf). */
export const inputOfMethod: Record<Method, InputKind> = {
  linear: 'rate',
  threshold: 'rate',
  grade: 'grade',
  per_occurrence: 'occurrences',
  veto: 'vetoed',
  judgement: 'points',
};

/** What each source can give, and to which kinds of indicator (core/scoring-sources.ts explains a misfit). */
export const sourceFits: Record<ValueOf<typeof autoSource>, { inputs: InputKind[]; kinds: Kind[] }> = {
  progress: { inputs: ['rate'], kinds: ['common', 'specific'] },
  notice_overdue: { inputs: ['occurrences', 'points'], kinds: ['deduction', 'common', 'specific'] },
  rectification_overdue: { inputs: ['occurrences', 'points'], kinds: ['deduction', 'common', 'specific'] },
  approval_efficiency: { inputs: ['rate', 'points'], kinds: ['common', 'specific'] },
  admin_cost: { inputs: ['rate', 'points'], kinds: ['common', 'specific'] },
  complaints: { inputs: ['occurrences', 'points'], kinds: ['deduction', 'common', 'specific'] },
  accountability: { inputs: ['occurrences', 'points'], kinds: ['deduction', 'common', 'specific'] },
};

/** Whether an indicator of this kind and method can take its points from the source. */
export const sourceFitsIndicator = (source: ValueOf<typeof autoSource>, kind: Kind, method: Method): boolean =>
  sourceFits[source].kinds.includes(kind) && sourceFits[source].inputs.includes(inputOfMethod[method]);

/**
 * A scoring body's sheet of one plan (评分表): filled in, submitted (its entries lock), returned by the office with a
 * reason and submitted again.
 */
export const scoreSheetState = vocabulary({ draft: '填报中', submitted: '已报送', returned: '已退回' }, [
  'draft',
  'submitted',
  'returned',
]);

/** Who gave a score: the indicator's 考核责任单位 (what counts) or the assessed unit itself (自评, shown beside it). */
export const scoreEntryKind = vocabulary({ entered: '考核责任单位评分', self: '单位自评' }, ['entered', 'self']);
