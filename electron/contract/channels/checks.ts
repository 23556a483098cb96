import { z } from 'zod';
import { channel } from '../channel';
import { isoDate, recordId, shortText } from '../limits';
import { checkKind, findingRating } from '../../vocab';

const id = recordId;
const ratings = findingRating.values;
const checkKinds = checkKind.values;

export const findingRow = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  targetId: z.number().int().nullable(),
  targetContent: z.string().nullable(),
  rating: z.enum(ratings),
  description: z.string(),
  requiredAction: z.string(),
  noticeId: z.number().int().nullable(),
});
export const checkRow = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  title: z.string(),
  kind: z.enum(checkKinds),
  team: z.string(),
  scope: z.string(),
  checkDate: z.string(),
  reportDocumentId: z.number().int().nullable(),
  reportNumber: z.string().nullable(),
  findings: z.array(findingRow),
});

export const checksChannels = {
  'checks.list': channel({
    title: '查看督查',
    input: z.strictObject({ planId: id }),
    output: z.array(checkRow),
    roles: ['evaluator', 'leader'],
    writes: false,
  }),
  'checks.save': channel({
    title: '保存督查轮次',
    input: z.strictObject({
      id: id.optional(),
      planId: id,
      title: shortText('督查名称', 60),
      kind: z.enum(checkKinds, { error: '请选择督查类型' }),
      team: shortText('督查组', 200),
      scope: shortText('督查范围', 500),
      checkDate: isoDate('督查日期'),
    }),
    output: checkRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['checks.list'],
  }),
  'findings.save': channel({
    title: '登记督查发现',
    input: z.strictObject({
      id: id.optional(),
      checkId: id,
      unitId: id,
      targetId: id.nullable().optional(),
      rating: z.enum(ratings, { error: '请选择评定' }),
      description: shortText('督查发现', 2000),
      requiredAction: shortText('整改要求', 1000),
    }),
    output: checkRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['checks.list'],
  }),
  'findings.remove': channel({
    title: '删除督查发现',
    input: z.strictObject({ id }),
    output: checkRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['checks.list'],
  }),
  'checks.report': channel({
    title: '生成督查通报',
    input: z.strictObject({ id }),
    output: checkRow,
    roles: ['evaluator'],
    writes: true,
    refreshes: ['checks.list', 'documents.list'],
  }),
} as const;
