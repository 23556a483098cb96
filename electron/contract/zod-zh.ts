import { z } from 'zod';

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '一组字段',
  array: '列表',
  date: '日期',
  undefined: '空',
  null: '空',
};
const name = (t: unknown) => typeNames[String(t)] ?? String(t);

/**
 * Chinese messages for zod's generic failures; schemas give their own messages for what a
 * user fills in, these cover what only a broken or hostile caller can send.
 */
export function useChineseZodMessages(): void {
  z.config(z.locales.zhCN());
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          return issue.input === undefined ? '缺少必填项' : `应为${name(issue.expected)}`;
        case 'unrecognized_keys':
          return `包含不认识的字段：${issue.keys.join('、')}`;
        case 'too_big':
          return issue.origin === 'string'
            ? `不能超过 ${String(issue.maximum)} 个字`
            : `超出允许范围（最大 ${String(issue.maximum)}）`;
        case 'too_small':
          return issue.origin === 'string' ? '不能为空' : `低于允许范围（最小 ${String(issue.minimum)}）`;
        default:
          return undefined;
      }
    },
  });
}
