import { AppError } from '../../contract';
import { caseLifecycle, periodEnd, periodRule, periodWords } from '../../core';
import { requireStep } from '../lifecycle';
import type { HandlerContext, Handlers } from '../handler';
import { todayOf } from '../org/write';
import { calendarAround } from '../calendar-days';
import { caseViewOf, clueOut, mustCase } from '../accountability/view';
import { rulesNow } from '../accountability/rules';
import { assessClue, clueById, fileClue, listClues } from '../../../db/repos/clues';
import {
  caseById,
  insertCase,
  insertSubject,
  postOn,
  removeSubject,
  setStatement,
  subjectById,
  subjectsOf,
  updateCase,
  listCases,
  type CaseRecord,
} from '../../../db/repos/cases';
import { decisionsOf, updateDecision } from '../../../db/repos/case-decisions';
import { personById, unitById } from '../../../db/repos/org';

/** 问责线索 and 问责案件: assessment of a clue, the case's content, its subjects and their 陈述申辩, its steps. */

function mustClue(ctx: HandlerContext, id: number) {
  const c = clueById(ctx.sqlite, id);
  if (!c) throw new AppError('NOT_FOUND', '没有找到这条问责线索，请刷新。');
  return c;
}

const ended = (c: CaseRecord) => ['archived', 'revoked', 'terminated'].includes(c.state);
const live = (state: string) => state === 'made' || state === 'served';

function addSubject(
  ctx: HandlerContext,
  c: CaseRecord,
  s: {
    kind: 'unit' | 'person';
    unitId?: number | null;
    personId?: number | null;
    factsOn: string;
    post?: string;
    rank?: string;
    isHead: boolean;
    responsibility: 'direct' | 'main_leader' | 'important_leader' | null;
  },
) {
  const existing = subjectsOf(ctx.sqlite, c.id);
  if (s.kind === 'person') {
    const p = s.personId ? personById(ctx.sqlite, s.personId) : undefined;
    if (!p)
      throw new AppError('INVALID_INPUT', '请选择被问责人。', {
        fields: [{ path: 'personId', message: '请选择被问责人' }],
      });
    if (existing.some((x) => x.personId === p.id)) throw new AppError('CONFLICT', `${p.name}已是本案的被问责对象。`);
    // the post held on the day of the facts (person_posts), else the one recorded now; kept even if he moves
    const then = postOn(ctx.sqlite, p.id, s.factsOn);
    insertSubject(ctx.records, {
      caseId: c.id,
      kind: 'person',
      unitId: then?.unitId ?? p.unitId,
      personId: p.id,
      unitName: then?.unitName ?? p.unitName,
      name: p.name,
      post: s.post || then?.post || p.post,
      rank: s.rank || p.rank,
      isHead: s.isHead || p.isUnitHead,
      isLeader: p.isLeader || p.isUnitHead || s.isHead,
      responsibility: s.responsibility,
    });
    return p.name;
  }
  const u = s.unitId ? unitById(ctx.sqlite, s.unitId) : undefined;
  if (!u)
    throw new AppError('INVALID_INPUT', '请选择被问责单位。', {
      fields: [{ path: 'unitId', message: '请选择被问责单位' }],
    });
  if (existing.some((x) => x.kind === 'unit' && x.unitId === u.id))
    throw new AppError('CONFLICT', `${u.name}已是本案的被问责对象。`);
  insertSubject(ctx.records, {
    caseId: c.id,
    kind: 'unit',
    unitId: u.id,
    personId: null,
    unitName: u.name,
    name: u.name,
    post: null,
    rank: null,
    isHead: false,
    isLeader: false,
    responsibility: s.responsibility,
  });
  return u.name;
}

const view = (ctx: HandlerContext, id: number) => caseViewOf(ctx, id);

/** What each step needs beyond the lifecycle table's fields. */
function stepChecks(ctx: HandlerContext, c: CaseRecord, action: string) {
  const subjects = subjectsOf(ctx.sqlite, c.id);
  const decisions = decisionsOf(ctx.sqlite, c.id).filter((d) => live(d.state));
  if (action === 'investigate' && subjects.length === 0)
    throw new AppError('RULE_VIOLATION', '请先添加被问责的单位或个人，再开始调查核实。');
  if (action === 'deliberate') {
    if (c.investigators.length < 2)
      throw new AppError('RULE_VIOLATION', '调查核实应由至少两名调查人员进行，请先登记调查人员。');
    const pending = subjects.filter((s) => s.kind === 'person' && s.statementState === 'pending');
    if (pending.length)
      throw new AppError(
        'RULE_VIOLATION',
        `${pending.map((s) => s.name).join('、')}的陈述申辩尚未登记：请登记陈述申辩，或在期限届满后记录未陈述申辩。`,
      );
  }
  if (action === 'execute') {
    if (decisions.length === 0) throw new AppError('RULE_VIOLATION', '本案还没有问责决定。');
    const unserved = decisions.filter((d) => d.state !== 'served');
    if (unserved.length)
      throw new AppError(
        'RULE_VIOLATION',
        `问责决定 ${unserved.map((d) => d.number).join('、')} 尚未送达，不能转入执行。`,
      );
  }
  if (action === 'archive') {
    const open = decisions.filter((d) => !d.executionReportedOn);
    if (open.length)
      throw new AppError(
        'RULE_VIOLATION',
        `问责决定 ${open.map((d) => d.number).join('、')} 尚未登记执行情况，不能归档。`,
      );
  }
}

export const casesHandlers: Handlers<
  | 'clues.list'
  | 'clues.file'
  | 'clues.assess'
  | 'cases.list'
  | 'cases.get'
  | 'cases.save'
  | 'cases.step'
  | 'cases.addSubject'
  | 'cases.removeSubject'
  | 'cases.statement'
> = {
  'clues.list': (ctx, input) =>
    listClues(ctx.sqlite)
      .filter((c) => !input.state || c.state === input.state)
      .map((c) => clueOut(ctx.sqlite, c)),
  'clues.file': (ctx, input) => {
    if (input.receivedOn > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '收到日期不能晚于今天。');
    const person = input.personId ? personById(ctx.sqlite, input.personId) : undefined;
    if (input.personId && !person) throw new AppError('INVALID_INPUT', '没有找到这个人员，请刷新。');
    const unitId = input.unitId ?? person?.unitId ?? null;
    if (unitId && !unitById(ctx.sqlite, unitId)) throw new AppError('INVALID_INPUT', '没有找到这个单位，请刷新。');
    const { id } = fileClue(ctx.sqlite, ctx.records, {
      sourceKind: 'manual',
      sourceUuid: null,
      sourceLabel: input.sourceLabel ?? '直接登记',
      unitId,
      personId: person?.id ?? null,
      summary: input.summary,
      receivedOn: input.receivedOn,
      createdBy: ctx.caller.username,
    });
    ctx.audit(`clue:${id}`, { filed: 'manual' });
    return clueOut(ctx.sqlite, mustClue(ctx, id));
  },
  /** A clue is assessed once: 立案 (a new case, its unit or person the first subject), 并案, or 了结 with a reason. */
  'clues.assess': (ctx, input) => {
    const clue = mustClue(ctx, input.id);
    if (clue.state !== 'pending')
      throw new AppError(
        'RULE_VIOLATION',
        `这条线索已研判（${clue.state === 'closed' ? '已了结' : '已立案或并案'}），不能再次研判。`,
      );
    const need = (v: unknown, path: string, label: string) => {
      if (v === undefined || v === null)
        throw new AppError('INVALID_INPUT', `请填写${label}。`, { fields: [{ path, message: `请填写${label}` }] });
    };
    if (input.action === 'close') need(input.reason, 'reason', '了结理由');
    if (input.action === 'merge') need(input.caseId, 'caseId', '并入的案件');
    if (input.action === 'file') {
      need(input.title, 'title', '案件名称');
      need(input.faultCategory, 'faultCategory', '问责情形');
      need(input.openedOn, 'openedOn', '立案日期');
    }
    if (input.action === 'close') {
      assessClue(ctx.records, clue.id, { state: 'closed', assessment: input.reason!, caseUuid: null });
      ctx.audit(`clue:${clue.id}`, { closed: input.reason });
    } else if (input.action === 'merge') {
      const c = mustCase(ctx, input.caseId!);
      if (ended(c))
        throw new AppError(
          'RULE_VIOLATION',
          `案件“${c.title}”已${c.state === 'archived' ? '归档' : '结束'}，不能并案。`,
        );
      assessClue(ctx.records, clue.id, { state: 'merged', assessment: `并入“${c.title}”`, caseUuid: c.uuid });
      ctx.audit(`clue:${clue.id}`, { merged: c.id });
    } else {
      if (input.openedOn! > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '立案日期不能晚于今天。');
      if (input.openedOn! < clue.receivedOn) throw new AppError('INVALID_INPUT', '立案日期不能早于收到线索的日期。');
      const id = insertCase(ctx.records, {
        title: input.title!,
        faultCategory: input.faultCategory!,
        degree: input.degree ?? null,
        openedOn: input.openedOn!,
        createdBy: ctx.caller.username,
      });
      const c = caseById(ctx.sqlite, id)!;
      if (clue.personId || clue.unitId)
        addSubject(ctx, c, {
          kind: clue.personId ? 'person' : 'unit',
          personId: clue.personId,
          unitId: clue.unitId,
          factsOn: clue.receivedOn,
          isHead: false,
          responsibility: null,
        });
      assessClue(ctx.records, clue.id, { state: 'filed', assessment: '立案', caseUuid: c.uuid });
      ctx.audit(`case:${id}`, { opened: true, clue: clue.id });
    }
    return clueOut(ctx.sqlite, mustClue(ctx, clue.id));
  },
  'cases.list': (ctx, input) =>
    listCases(ctx.sqlite, input).map((c) => {
      const subjects = subjectsOf(ctx.sqlite, c.id);
      return {
        ...c,
        subjects: subjects.map((s) => s.name).join('、'),
        decisions: decisionsOf(ctx.sqlite, c.id).filter((d) => live(d.state)).length,
      };
    }),
  'cases.get': (ctx, input) => view(ctx, input.id),
  'cases.save': (ctx, input) => {
    const c = mustCase(ctx, input.id);
    requireStep(ctx, caseLifecycle, c.state, 'edit');
    updateCase(ctx.records, c.id, input);
    ctx.audit(`case:${c.id}`, { edited: true });
    return view(ctx, c.id);
  },
  'cases.step': (ctx, input) => {
    const c = mustCase(ctx, input.id);
    const to = requireStep(ctx, caseLifecycle, c.state, input.action, { fields: { ...c, reason: input.reason } });
    stepChecks(ctx, c, input.action);
    if (input.action === 'revoke') {
      // a served decision is never deleted: revoking the case revokes its decisions, with the reason
      for (const d of decisionsOf(ctx.sqlite, c.id).filter((x) => live(x.state)))
        updateDecision(ctx.records, d.id, { state: 'revoked', revokeReason: input.reason! });
    }
    updateCase(ctx.records, c.id, {
      state: to,
      ...(input.action === 'revoke' || input.action === 'terminate' ? { endReason: input.reason! } : {}),
    });
    ctx.audit(`case:${c.id}`, { step: input.action, from: c.state, to, reason: input.reason ?? null });
    return view(ctx, c.id);
  },
  'cases.addSubject': (ctx, input) => {
    const c = mustCase(ctx, input.caseId);
    requireStep(ctx, caseLifecycle, c.state, 'edit');
    if (input.factsOn > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '事实发生日期不能晚于今天。');
    const name = addSubject(ctx, c, { ...input, responsibility: input.responsibility ?? null });
    ctx.audit(`case:${c.id}`, { subject: name });
    return view(ctx, c.id);
  },
  'cases.removeSubject': (ctx, input) => {
    const s = subjectById(ctx.sqlite, input.id);
    if (!s) throw new AppError('NOT_FOUND', '没有找到这个被问责对象，请刷新。');
    const c = mustCase(ctx, s.caseId);
    requireStep(ctx, caseLifecycle, c.state, 'edit');
    if (decisionsOf(ctx.sqlite, c.id).some((d) => d.subjectId === s.id))
      throw new AppError('RULE_VIOLATION', `已对${s.name}作出问责决定，不能移除。`);
    removeSubject(ctx.records, s.id);
    ctx.audit(`case:${c.id}`, { removedSubject: s.name });
    return view(ctx, c.id);
  },
  /**
   * The 陈述申辩 as given, or the record that none was given: only once the period the rule table allows (counted
   * from the day the subject was told) has passed.
   */
  'cases.statement': (ctx, input) => {
    const s = subjectById(ctx.sqlite, input.subjectId);
    if (!s) throw new AppError('NOT_FOUND', '没有找到这个被问责对象，请刷新。');
    const c = mustCase(ctx, s.caseId);
    requireStep(ctx, caseLifecycle, c.state, 'edit');
    const today = todayOf(ctx.now);
    if (input.on > today) throw new AppError('INVALID_INPUT', '日期不能晚于今天。');
    let text = input.text?.trim() ?? '';
    if (input.given) {
      if (!text)
        throw new AppError('INVALID_INPUT', '请填写陈述申辩内容。', {
          fields: [{ path: 'text', message: '请填写陈述申辩内容' }],
        });
    } else {
      const rules = rulesNow(ctx.sqlite, 'appeal_windows');
      const p = periodRule(rules.rows, 'statement', rules.title);
      const due = periodEnd(input.on, p, calendarAround(ctx, input.on));
      if (due >= today)
        throw new AppError(
          'RULE_VIOLATION',
          `陈述申辩期限（${rules.title}“${p.item}”${periodWords(p)}，至${due}）尚未届满，不能记录为未陈述申辩。`,
        );
      text = `${s.name}经告知（${input.on}）后，在规定期限（${periodWords(p)}，至${due}）内未提出陈述申辩${text ? `；${text}` : ''}`;
    }
    setStatement(ctx.records, s.id, {
      statementState: input.given ? 'given' : 'none',
      statement: text,
      statementOn: input.on,
    });
    ctx.audit(`case:${c.id}`, { statement: s.name, given: input.given });
    return view(ctx, c.id);
  },
};
