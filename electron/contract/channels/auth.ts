import { z } from 'zod';
import { channel } from '../channel';
import { noInput, shortText } from '../limits';
import { roles } from '../roles';

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  unitId: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
});

const password = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .min(1, { error: `请填写${label}` })
    .max(128, { error: `${label}不能超过 128 个字符` });
export const usernameField = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(2, { error: '用户名至少 2 个字符' })
  .max(32, { error: '用户名不能超过 32 个字符' })
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/, { error: '用户名只能包含汉字、字母、数字、下划线、点和短横线' });

const signedIn = z.object({ sessionId: z.string(), user: userView, idleLockMinutes: z.number().int() });

export const authChannels = {
  'auth.status': channel({
    beforePasswordChange: true,
    title: '查看登录状态',
    access: 'public',
    whileLocked: true,
    input: noInput,
    output: z.object({
      needsSetup: z.boolean(),
      session: z.object({ user: userView, locked: z.boolean(), idleLockMinutes: z.number().int() }).nullable(),
      /** The demonstration data (`--demo`): the sign-in screens say 演示数据 too. */
      demo: z.boolean(),
    }),
    roles,
    writes: false,
  }),
  'auth.setup': channel({
    beforePasswordChange: true,
    title: '创建系统管理员',
    access: 'public',
    input: z.strictObject({
      username: usernameField,
      displayName: shortText('姓名', 32),
      password: password('密码'),
    }),
    output: signedIn,
    roles,
    writes: true,
    refreshes: [],
  }),
  'auth.login': channel({
    beforePasswordChange: true,
    title: '登录',
    access: 'public',
    input: z.strictObject({
      username: z.string().trim().min(1, { error: '请填写用户名' }).max(64),
      password: password('密码'),
    }),
    output: signedIn,
    roles,
    writes: true,
    refreshes: [],
  }),
  'auth.logout': channel({
    beforePasswordChange: true,
    title: '退出登录',
    whileLocked: true,
    input: noInput,
    output: z.object({}),
    roles,
    writes: true,
    refreshes: [],
  }),
  'auth.lock': channel({
    beforePasswordChange: true,
    title: '锁定屏幕',
    input: noInput,
    output: z.object({}),
    roles,
    writes: true,
    refreshes: [],
  }),
  'auth.unlock': channel({
    beforePasswordChange: true,
    title: '解锁屏幕',
    whileLocked: true,
    input: z.strictObject({ password: password('密码') }),
    output: z.object({}),
    roles,
    writes: true,
    refreshes: [],
  }),
  'auth.changePassword': channel({
    beforePasswordChange: true,
    title: '修改本人密码',
    input: z.strictObject({ oldPassword: password('原密码'), newPassword: password('新密码') }),
    output: z.object({}),
    roles,
    writes: true,
    refreshes: ['users.list'],
  }),
} as const;
