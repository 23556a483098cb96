export const unitKinds = ['city', 'county', 'department', 'township', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const unitKindLabels: Record<UnitKind, string> = {
  city: '市',
  county: '县（区）',
  department: '部门',
  township: '乡镇（街道）',
  other: '其他',
};
