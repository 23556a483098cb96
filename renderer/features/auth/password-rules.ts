import type { Rule } from 'antd/es/form';

/** Mirrors the core's policy for the user's comfort; the core decides. */
export const newPasswordRules: Rule[] = [
  { required: true, message: '请填写新密码' },
  { min: 8, message: '密码至少 8 位' },
  {
    validator: (_r, v: string | undefined) =>
      !v || [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((x) => x.test(v)).length >= 3
        ? Promise.resolve()
        : Promise.reject(new Error('须包含大写字母、小写字母、数字、符号中的至少三类')),
  },
];

export const confirmRule =
  (field: string): Rule =>
  ({ getFieldValue }) => ({
    validator: (_r, v: string | undefined) =>
      !v || v === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
  });
