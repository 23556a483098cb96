import { z } from 'zod';
import { channel } from '../channel';
import { isoDate, recordId, shortText } from '../limits';
import { jobStatus } from './jobs';

/** 目标责任书: one per unit and plan, generated (one or all, as a job), combined for print, signed. */
const readers = ['evaluator', 'leader'] as const;
const writers = ['evaluator'] as const;
const id = recordId;
/** Letters registered in one transaction: a batch of 2,000 commits twenty times, not 2,000. */
export const MANY_LETTERS = 100;

/** What signing a letter changes on screen: the letters, the unit's frozen targets, the plan's counts. */
const signingShown = ['letters.list', 'targets.list', 'targets.page', 'plans.get', 'plans.list'];

export const letterRow = z.object({
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  categoryName: z.string().nullable(),
  targets: z.number().int(),
  points: z.number(),
  head: z.string().nullable(),
  /** What stops a letter being generated. */
  blockers: z.array(z.string()),
  /** What the office should know but does not stop it (no head, targets without a leader). */
  warnings: z.array(z.string()),
  documentId: z.number().int().nullable(),
  number: z.string().nullable(),
  generatedAt: z.number().int().nullable(),
  voided: z.boolean(),
  /** Targets changed after the letter was generated. */
  stale: z.boolean(),
  signedDate: z.string().nullable(),
  partyASigner: z.string().nullable(),
  partyBSigner: z.string().nullable(),
});

export const lettersChannels = {
  'letters.list': channel({
    title: '查看目标责任书',
    input: z.strictObject({ planId: id }),
    output: z.array(letterRow),
    roles: readers,
    writes: false,
  }),
  /** A letter that is missing, voided or out of date; a current one is refused (see letters.reissue). */
  'letters.generate': channel({
    title: '生成目标责任书',
    input: z.strictObject({ planId: id, unitId: id }),
    output: z.object({ documentId: z.number().int(), number: z.string(), fileName: z.string() }),
    roles: writers,
    writes: true,
    refreshes: ['letters.list', 'documents.list'],
  }),
  /** A current letter printed again (a copy lost or damaged): a new number; the old one is voided with the reason. */
  'letters.reissue': channel({
    title: '重新印发目标责任书',
    input: z.strictObject({ planId: id, unitId: id, reason: shortText('重新印发原因', 200) }),
    output: z.object({ documentId: z.number().int(), number: z.string(), fileName: z.string() }),
    roles: writers,
    writes: true,
    refreshes: ['letters.list', 'documents.list'],
  }),
  /**
   * Up to 100 units' letters rendered together and registered in one transaction (the batch's step): missing, voided
   * or out-of-date ones are generated, current ones skipped, blocked ones listed; `remaining` are those left for the
   * next step (cancelled, or numbered after one that could not be registered).
   */
  'letters.generateMany': channel({
    title: '生成一组目标责任书',
    input: z.strictObject({ planId: id, unitIds: z.array(id).min(1).max(MANY_LETTERS) }),
    output: z.object({
      generated: z.array(z.object({ unitId: z.number().int(), documentId: z.number().int(), number: z.string() })),
      skipped: z.array(z.number().int()),
      failed: z.array(z.object({ unitId: z.number().int(), item: z.string(), message: z.string() })),
      remaining: z.array(z.number().int()),
    }),
    roles: writers,
    writes: true,
    refreshes: ['letters.list', 'documents.list'],
  }),
  /** Generates the letters that are missing or out of date; current ones are skipped and counted. */
  'letters.batch': channel({
    title: '批量生成目标责任书',
    input: z.strictObject({ planId: id, unitIds: z.array(id).max(10_000).optional() }),
    output: jobStatus,
    roles: writers,
    writes: false,
  }),
  'letters.combine': channel({
    title: '生成责任书合订本',
    input: z.strictObject({ planId: id }),
    /** The first volume, and all of them (100 letters to a volume). */
    output: z.object({
      documentId: z.number().int(),
      fileName: z.string(),
      letters: z.number().int(),
      volumes: z.array(z.object({ documentId: z.number().int(), fileName: z.string() })),
    }),
    roles: writers,
    writes: true,
    refreshes: ['documents.list'],
  }),
  'letters.sign': channel({
    title: '登记责任书签订',
    input: z.strictObject({
      planId: id,
      unitId: id,
      signedDate: isoDate('签订日期'),
      partyASigner: shortText('甲方签字人', 30),
      partyBSigner: shortText('乙方签字人', 30),
    }),
    output: letterRow,
    roles: writers,
    writes: true,
    refreshes: signingShown,
  }),
  /**
   * Many signings registered at once (one date, the signers the office uses, exceptions per row), in one
   * transaction: each row checked as letters.sign checks it, the ones that pass signed with an audit entry each,
   * the others listed with the reason.
   */
  'letters.signMany': channel({
    title: '批量登记责任书签订',
    input: z.strictObject({
      planId: id,
      rows: z
        .array(
          z.strictObject({
            unitId: id,
            signedDate: isoDate('签订日期'),
            partyASigner: shortText('甲方签字人', 30),
            partyBSigner: shortText('乙方签字人', 30),
          }),
        )
        .min(1, { error: '请至少选择一个单位' })
        .max(1000, { error: '一次最多登记 1000 个单位' }),
    }),
    output: z.object({
      signed: z.array(z.number().int()),
      failed: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), message: z.string() })),
    }),
    roles: writers,
    writes: true,
    refreshes: signingShown,
  }),
  'letters.unsign': channel({
    title: '撤销责任书签订',
    input: z.strictObject({ planId: id, unitId: id, reason: shortText('撤销原因', 200) }),
    output: letterRow,
    roles: writers,
    writes: true,
    refreshes: signingShown,
  }),
} as const;
