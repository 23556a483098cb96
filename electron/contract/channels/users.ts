import { z } from 'zod';
import { channel } from '../channel';
import { noInput, shortText } from '../limits';
import { roles } from '../roles';
import { usernameField, userView } from './auth';

const id = z.number({ error: '缺少账号编号' }).int().positive();

export const userRow = userView.extend({
  disabled: z.boolean(),
  locked: z.boolean(),
  failedCount: z.number().int(),
  lastLoginAt: z.number().nullable(),
  createdAt: z.number(),
  /** The unit a 录入员 is bound to, by name. */
  unitName: z.string().nullable(),
});

/**
 * What the administrator may know of the org data (三员分立): the names of the units, to bind a 录入员 to one.
 * The parent and short name only tell apart the dozen 财政所 under different towns.
 */
export const unitChoice = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: z.number().int().nullable(),
  active: z.boolean(),
});

export const usersChannels = {
  'users.list': channel({
    title: '查看账号',
    input: noInput,
    output: z.array(userRow),
    roles: ['admin'],
    writes: false,
  }),
  'users.units': channel({
    title: '查看单位名称（绑定录入员）',
    input: noInput,
    output: z.array(unitChoice),
    roles: ['admin'],
    writes: false,
  }),
  'users.create': channel({
    title: '新建账号',
    input: z.strictObject({
      username: usernameField,
      displayName: shortText('姓名', 32),
      role: z.enum(roles, { error: '请选择角色' }),
      unitId: z.number({ error: '所选单位无效' }).int().positive().nullable().optional(),
      password: z.string().min(1, { error: '请填写初始密码' }).max(128),
    }),
    output: userRow,
    roles: ['admin'],
    writes: true,
    refreshes: ['users.list', 'system.firstRun'],
  }),
  'users.update': channel({
    title: '修改账号',
    input: z.strictObject({
      id,
      displayName: shortText('姓名', 32).optional(),
      role: z.enum(roles, { error: '请选择角色' }).optional(),
      unitId: z.number({ error: '所选单位无效' }).int().positive().nullable().optional(),
      disabled: z.boolean().optional(),
    }),
    output: userRow,
    roles: ['admin'],
    writes: true,
    refreshes: ['users.list', 'system.firstRun'],
  }),
  'users.resetPassword': channel({
    title: '重置账号密码',
    input: z.strictObject({ id, password: z.string().min(1, { error: '请填写新密码' }).max(128) }),
    output: userRow,
    roles: ['admin'],
    writes: true,
    refreshes: ['users.list'],
  }),
  'users.unlock': channel({
    title: '解除账号锁定',
    input: z.strictObject({ id }),
    output: userRow,
    roles: ['admin'],
    writes: true,
    refreshes: ['users.list'],
  }),
} as const;
