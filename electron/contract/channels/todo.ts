import { z } from 'zod';
import { channel } from '../channel';
import { scoreSheetState } from '../../vocab';
import { noInput } from '../limits';
import { reportStates } from '../plan-labels';
import { noticeRow, rectificationRow } from './notices';

/** A quarterly report a 录入员 still has to make, or one returned to him. */
export const todoReport = z.object({
  planId: z.number().int(),
  planTitle: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  targetId: z.number().int(),
  reportId: z.number().int().nullable(),
  indicatorName: z.string(),
  content: z.string(),
  /** The completion the quarter's milestone expects, in percent. */
  expected: z.number(),
  state: z.enum(reportStates).nullable(),
  returnReason: z.string().nullable(),
});

export const todoChannels = {
  /**
   * The 录入员's home: what his unit owes the office. Read on the server for the unit his account is bound to,
   * never for another; what he may do with each item follows the lifecycles.
   */
  'todo.list': channel({
    title: '查看本单位待办',
    input: noInput,
    output: z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      today: z.string(),
      /** The quarter of today, whose reports are due. */
      quarter: z.number().int(),
      /** This quarter's reports not yet sent, of every plan being reported on. */
      due: z.array(todoReport),
      /** Reports the office returned, any quarter, with the reason. */
      returned: z.array(todoReport),
      /** Notices to the unit not yet settled; `canReply` when the 录入员 may answer now, `canAttach` add evidence. */
      notices: z.array(noticeRow.extend({ canReply: z.boolean(), canAttach: z.boolean() })),
      /** Rectification items of the unit not yet verified; `canMarkDone` when he may report one done. */
      rectifications: z.array(rectificationRow.extend({ canMarkDone: z.boolean() })),
      /** The 评分表 his unit fills as a 考核责任单位, in plans being scored: not yet submitted, or returned with why. */
      scoreSheets: z.array(
        z.object({
          planId: z.number().int(),
          planTitle: z.string(),
          year: z.number().int(),
          body: z.string(),
          state: z.enum(scoreSheetState.values),
          returnReason: z.string().nullable(),
        }),
      ),
    }),
    roles: ['clerk'],
    writes: false,
  }),
} as const;
