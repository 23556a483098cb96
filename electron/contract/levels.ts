export const levels = ['city', 'county', 'township', 'department'] as const;
export type Level = (typeof levels)[number];
export const levelLabels: Record<Level, string> = {
  city: '市级',
  county: '县（区）级',
  township: '乡镇（街道）',
  department: '部门',
};
