import { z } from 'zod';
import { channel } from '../channel';
import { isoDate, longText, recordId, shortText } from '../limits';
import { appealKind, appealOutcome } from '../../vocab';
import { caseView, shown, writers } from './cases';

/**
 * 责任追究 (#17), continued: the 问责决定 with its 问责决定书 and 送达回证, its service, execution and revocation, and the
 * appeals and 复查 against it. Evaluators write; every answer is the case's view (evaluators and leaders only).
 */

const id = recordId;

export const decisionsChannels = {
  'decisions.issue': channel({
    title: '作出问责决定',
    input: z.strictObject({
      caseId: id,
      subjectId: id,
      forms: z.array(shortText('问责方式', 20)).max(6, { error: '问责方式不能超过 6 种' }),
      facts: longText('调查认定的事实', 5000),
      basis: longText('问责依据', 1000),
      body: z.string().trim().max(60, { error: '决定机关不能超过 60 个字' }),
      appealTo: shortText('受理申诉的机关', 60),
    }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'decisions.serve': channel({
    title: '送达问责决定',
    input: z.strictObject({
      id,
      servedOn: isoDate('送达日期'),
      method: shortText('送达方式', 30),
      receivedBy: shortText('签收人', 30),
    }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'decisions.executed': channel({
    title: '登记问责决定执行情况',
    input: z.strictObject({ id, on: isoDate('执行情况报告日期') }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'decisions.remove': channel({
    title: '删除问责决定',
    input: z.strictObject({ id }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'decisions.revoke': channel({
    title: '撤销问责决定',
    input: z.strictObject({ id, reason: shortText('撤销理由', 500) }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'appeals.register': channel({
    title: '登记申诉或复核',
    input: z.strictObject({
      decisionId: id,
      kind: z.enum(appealKind.values, { error: '请选择申诉或复核' }),
      receivedOn: isoDate('收到日期'),
      grounds: shortText('申诉理由', 2000),
    }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
  'appeals.answer': channel({
    title: '作出复查决定',
    input: z.strictObject({
      id,
      outcome: z.enum(appealOutcome.values, { error: '请选择维持、变更或撤销' }),
      note: shortText('复查意见', 2000),
      /** For 变更: the forms now decided, and their basis. */
      forms: z.array(shortText('问责方式', 20)).max(6).optional(),
      basis: longText('问责依据', 1000).optional(),
    }),
    output: caseView,
    roles: writers,
    writes: true,
    refreshes: shown,
  }),
} as const;
