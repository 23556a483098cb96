import { staffGrade } from '../../../electron/vocab';

export const gradeOptions = staffGrade.values.map((v) => ({ value: v, label: staffGrade.labels[v] }));

export const limitTag: Record<string, { color: string; text: string }> = {
  notExcellent: { color: 'orange', text: '不得评为优秀' },
  commentOnly: { color: 'volcano', text: '只写评语、不定等次' },
  incompetent: { color: 'red', text: '定为不称职' },
  noGrade: { color: 'volcano', text: '不定等次' },
  pending: { color: 'purple', text: '待案件办结' },
};

const thisYear = new Date().getFullYear();
/** The assessment of a year is made at its end or early the next: this year and the few before. */
export const yearOptions = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({
  value: y,
  label: `${y}年度`,
}));
export const defaultYear = new Date().getMonth() < 3 ? thisYear - 1 : thisYear;
