import { vocabulary } from './define';

/** The civil servants' annual assessment (公务员年度考核): its grades, in order from the best. */
export const staffGrade = vocabulary(
  { excellent: '优秀', competent: '称职', basic: '基本称职', incompetent: '不称职', none: '不定等次' },
  ['excellent', 'competent', 'basic', 'incompetent', 'none'],
);

/** Measures decided elsewhere (by the discipline or organisation bodies), entered in the people module's register. */
export const measureCategory = vocabulary(
  { party: '党纪处分', government: '政务处分', organisational: '组织处理', accountability: '问责', other: '其他' },
  ['party', 'government', 'organisational', 'accountability', 'other'],
);

/** Which unit assesses a person who served in several during the year. */
export const movedUnitRule = vocabulary({ longest: '任职时间最长的单位', yearEnd: '年末所在单位' }, [
  'longest',
  'yearEnd',
]);

/** Training categories (seed 四.3). */
export const trainingCategory = vocabulary(
  { integrity: '廉洁自律', ethics: '职业道德', skills: '知识技能', law: '法律法规', finance: '财经制度' },
  ['integrity', 'ethics', 'skills', 'law', 'finance'],
);

/** The sections of a person's archive, in the order the page and the 档案摘要 show them (core/person-facts.ts). */
export const archiveSection = vocabulary(
  {
    post: '任职经历',
    grade: '年度考核',
    honour: '奖励与提醒',
    accountability: '问责、处分与组织处理',
    audit: '审计结果',
    complaint: '查实的投诉举报',
    training: '培训',
  },
  ['post', 'grade', 'honour', 'accountability', 'audit', 'complaint', 'training'],
);
