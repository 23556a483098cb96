import { z } from 'zod';
import { channel } from '../channel';
import { noInput, shortText } from '../limits';
import { levels } from '../levels';
import { roles } from '../roles';


export const basicSettings = z.object({
  /** This installation's own unit, e.g. 某某县人民政府目标考评办公室. */
  unitName: z.string(),
  level: z.enum(levels),
});

export const settingsChannels = {
  'settings.get': channel({
    title: '查看基本设置',
    input: noInput,
    output: basicSettings,
    roles,
    writes: false,
  }),
  'settings.update': channel({
    title: '修改基本设置',
    input: z.strictObject({
      unitName: shortText('本单位名称', 60).optional(),
      level: z.enum(levels, { error: '级别只能是市级、县（区）级、乡镇（街道）或部门' }).optional(),
    }),
    output: basicSettings,
    roles: ['admin'],
    writes: true,
  }),
} as const;
