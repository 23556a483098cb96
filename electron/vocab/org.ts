import { vocabulary } from './define';

/** The administrative level of an installation and of a plan. */
export const level = vocabulary({ city: '市级', county: '县（区）级', township: '乡镇（街道）', department: '部门' }, [
  'city',
  'county',
  'township',
  'department',
]);

export const unitKind = vocabulary(
  { city: '市', county: '县（区）', department: '部门', township: '乡镇（街道）', other: '其他' },
  ['city', 'county', 'department', 'township', 'other'],
);

/** How another installation stands to this one. */
export const nodeRelation = vocabulary({ self: '本机', parent: '上级', child: '下级' }, ['self', 'parent', 'child']);
