import { AppError } from '../../contract';
import { excellentQuota, excellentShare, limitRefusal, quotaRefusal } from '../../core/staff-assessment';
import { staffGrade } from '../../vocab';
import {
  ensureRound,
  insertMeasure,
  listMeasures,
  measureById,
  removeMeasure,
  saveAssessment,
  setRoundConfirmed,
  setRoundUnitGrade,
  updateMeasure,
  type AssessmentPatch,
} from '../../../db/repos/staff';
import { personById } from '../../../db/repos/org';
import type { HandlerContext, Handlers } from '../handler';
import { type Member, roundState } from '../people/round';
import { excellentQuotaRules } from '../people/rules';
import { readStaffSettings, writeStaffSettings } from '../people/settings';
import { gradeChangeProblem, postingLock } from '../people/posting';
import { todayOf } from '../org/write';

type Key = { year: number; unitId: number };
type GradeKey = 'proposedGrade' | 'finalGrade';
const what = { proposedGrade: '拟定', finalGrade: '确定' } as const;

function state(ctx: HandlerContext, k: Key) {
  return roundState(ctx.sqlite, k.year, k.unitId, readStaffSettings(ctx.db));
}

function openRound(ctx: HandlerContext, k: Key) {
  const s = state(ctx, k);
  if (s.round?.confirmedAt)
    throw new AppError(
      'RULE_VIOLATION',
      `${s.view.unitName}${k.year}年度考核等次已确定（${s.round.confirmedBy}），如需修改请先撤销确定。`,
    );
  return s;
}

/** 优秀 counted among the others in scope, against the quota of `assessed` people. */
function quotaProblem(
  s: ReturnType<typeof state>,
  members: Member[],
  k: GradeKey,
  assessed: number,
  share = { share: s.view.share, basis: s.view.shareBasis },
): string | null {
  const others = members.filter((m) => m.inScope && m.stored?.[k] === 'excellent').length;
  return quotaRefusal({ assessed, share: share.share, basis: share.basis, others, what: what[k] });
}

function nameOf(s: ReturnType<typeof state>, personId: number) {
  return s.view.people.find((p) => p.personId === personId)?.name ?? '';
}

export const staffHandlers: Handlers<
  | 'staff.round'
  | 'staff.grade'
  | 'staff.scope'
  | 'staff.unitGrade'
  | 'staff.confirm'
  | 'staff.settings'
  | 'staff.saveSettings'
  | 'measures.list'
  | 'measures.save'
  | 'measures.remove'
> = {
  'staff.round': (ctx, input) => state(ctx, input).view,

  /** A proposed or final grade: the person's measures and the unit's quota checked, the rule version kept. */
  'staff.grade': (ctx, input) => {
    const s = openRound(ctx, input);
    const m = s.members.find((x) => x.personId === input.personId);
    if (!m)
      throw new AppError(
        'RULE_VIOLATION',
        `该人员不在${s.view.unitName}${input.year}年度的考核名单中（年中调动的按${s.view.movedRule}考核）。`,
      );
    const name = nameOf(s, m.personId);
    const patch: AssessmentPatch = {};
    for (const k of ['proposedGrade', 'finalGrade'] as const) {
      const g = input[k];
      if (g === undefined) continue;
      if (g !== null) {
        if (!m.inScope)
          throw new AppError(
            'RULE_VIOLATION',
            `${name}不参加本年度等次评定（${m.stored?.outReason ?? ''}），不能登记等次。`,
          );
        const limited = limitRefusal(m.limit, g);
        if (limited) throw new AppError('RULE_VIOLATION', `${name}${limited}`);
      }
      const posted = gradeChangeProblem(
        ctx.sqlite,
        {
          year: input.year,
          unitId: input.unitId,
          name,
          key: k,
          from: m.stored?.[k] ?? null,
          to: g,
          proposed: m.stored?.proposedGrade ?? null,
          forbidden: limitRefusal(m.limit, 'excellent') !== null,
        },
        todayOf(ctx.now),
      );
      if (posted) throw new AppError('RULE_VIOLATION', posted);
      if (g !== null) {
        if (g === 'excellent' && m.stored?.[k] !== 'excellent') {
          const over = quotaProblem(
            s,
            s.members.filter((x) => x !== m),
            k,
            s.view.assessed,
          );
          if (over) throw new AppError('RULE_VIOLATION', `不能${what[k]}${name}为优秀。${over}`);
        }
      }
      patch[k === 'proposedGrade' ? 'proposed_grade' : 'final_grade'] = g;
    }
    if (input.comment !== undefined) patch.comment = input.comment;
    if (input.noGradeNote !== undefined) patch.no_grade_note = input.noGradeNote;
    // 不定等次 is explained on the 登记表: the limit's reason unless the office wrote its own
    if (input.finalGrade === 'none' && !input.noGradeNote && !m.stored?.noGradeNote && m.limit)
      patch.no_grade_note = m.limit.reason;
    const round = ensureRound(ctx.sqlite, ctx.records, input.year, input.unitId);
    saveAssessment(ctx.records, round.id, m.personId, {
      ...patch,
      rule_table_id: s.rules.tableId,
      rule_version: s.rules.version,
      graded_by: ctx.caller.username,
      graded_at: ctx.now,
    });
    ctx.audit(`staffAssessment:${input.year}:${name}`, {
      unit: s.view.unitName,
      proposed: input.proposedGrade && staffGrade.label(input.proposedGrade),
      final: input.finalGrade && staffGrade.label(input.finalGrade),
      rules: s.rules.label,
    });
    return { ok: true as const };
  },

  /** Out of scope (probation, joined late …) with the reason; the quota's base changes with it. */
  'staff.scope': (ctx, input) => {
    const s = openRound(ctx, input);
    const m = s.members.find((x) => x.personId === input.personId);
    if (!m) throw new AppError('RULE_VIOLATION', `该人员不在${s.view.unitName}${input.year}年度的考核名单中。`);
    const name = nameOf(s, m.personId);
    const inScope = input.inScope ?? true;
    if (!inScope && m.inScope) {
      const posted = postingLock(
        ctx.sqlite,
        {
          year: input.year,
          unitId: input.unitId,
          name,
          from: m.stored?.proposedGrade === 'excellent' ? 'excellent' : (m.stored?.finalGrade ?? null),
          to: null,
          forbidden: false,
        },
        todayOf(ctx.now),
      );
      if (posted) throw new AppError('RULE_VIOLATION', posted);
      const rest = s.members.filter((x) => x !== m);
      for (const k of ['proposedGrade', 'finalGrade'] as const) {
        const others = rest.filter((x) => x.inScope && x.stored?.[k] === 'excellent').length;
        const quota = excellentQuota(s.view.assessed - 1, s.view.share);
        if (others > quota)
          throw new AppError(
            'RULE_VIOLATION',
            `${name}不参加等次评定后，参加考核 ${s.view.assessed - 1} 人，优秀名额 ${quota} 名，` +
              `而已${what[k]}优秀 ${others} 名；请先调整优秀人选。`,
          );
      }
    }
    const round = ensureRound(ctx.sqlite, ctx.records, input.year, input.unitId);
    saveAssessment(ctx.records, round.id, m.personId, {
      in_scope: input.inScope,
      out_reason: inScope ? null : (input.reason ?? null),
      ...(inScope ? {} : { proposed_grade: null, final_grade: null }),
    });
    ctx.audit(`staffAssessment:${input.year}:${name}`, { inScope, reason: input.reason });
    return { ok: true as const };
  },

  'staff.unitGrade': (ctx, input) => {
    const s = openRound(ctx, input);
    if (input.unitGrade && !s.view.unitGrades.includes(input.unitGrade))
      throw new AppError(
        'INVALID_INPUT',
        `单位等次只能是${s.view.unitGrades.join('、')}（见规则表“优秀比例与单位等次”）。`,
      );
    const settings = readStaffSettings(ctx.db);
    const q = excellentQuotaRules(ctx.sqlite);
    const share = excellentShare(
      { share: settings.excellentShare, byUnitGrade: settings.byUnitGrade },
      input.unitGrade,
      q.rows,
      q.label,
    );
    for (const k of ['proposedGrade', 'finalGrade'] as const) {
      const others = s.members.filter((x) => x.inScope && x.stored?.[k] === 'excellent').length;
      const quota = excellentQuota(s.view.assessed, share.share);
      if (others > quota)
        throw new AppError(
          'RULE_VIOLATION',
          `按该等次优秀比例 ${share.share}%，参加考核 ${s.view.assessed} 人只有优秀名额 ${quota} 名，` +
            `而已${what[k]}优秀 ${others} 名；请先调整优秀人选。`,
        );
    }
    const round = ensureRound(ctx.sqlite, ctx.records, input.year, input.unitId);
    setRoundUnitGrade(ctx.records, round.id, input.unitGrade);
    ctx.audit(`staffRound:${input.year}:${s.view.unitName}`, { unitGrade: input.unitGrade });
    return { ok: true as const };
  },

  'staff.confirm': (ctx, input) => {
    const s = state(ctx, input);
    if (input.undo) {
      if (!s.round?.confirmedAt) throw new AppError('RULE_VIOLATION', '等次尚未确定，无需撤销。');
      setRoundConfirmed(ctx.records, s.round.id, null);
      ctx.audit(`staffRound:${input.year}:${s.view.unitName}`, { confirmed: false });
      return { ok: true as const };
    }
    if (s.round?.confirmedAt) throw new AppError('RULE_VIOLATION', '等次已经确定。');
    const waiting = s.view.people.filter((p) => p.inScope && p.proposedGrade === 'excellent' && !p.finalGrade);
    if (waiting.length)
      throw new AppError(
        'RULE_VIOLATION',
        `${waiting.map((p) => p.name).join('、')}拟定为优秀，须经优秀等次公示、期满“确定优秀等次”后，才能确定全部等次。`,
      );
    const missing = s.view.people.filter((p) => p.inScope && !p.finalGrade).map((p) => p.name);
    if (missing.length)
      throw new AppError(
        'RULE_VIOLATION',
        `还有 ${missing.length} 人未确定等次：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ' 等' : ''}。`,
      );
    if (s.view.finalExcellent > s.view.quota)
      throw new AppError(
        'RULE_VIOLATION',
        `确定优秀 ${s.view.finalExcellent} 名，超过优秀名额 ${s.view.quota} 名（参加考核 ${s.view.assessed} 人，比例 ${s.view.share}%）。`,
      );
    const round = ensureRound(ctx.sqlite, ctx.records, input.year, input.unitId);
    setRoundConfirmed(ctx.records, round.id, ctx.caller.username);
    ctx.audit(`staffRound:${input.year}:${s.view.unitName}`, { confirmed: true });
    return { ok: true as const };
  },

  'staff.settings': (ctx) => readStaffSettings(ctx.db),
  'staff.saveSettings': (ctx, input) => {
    const before = readStaffSettings(ctx.db);
    writeStaffSettings(ctx.db, input, ctx.caller.username, ctx.now);
    ctx.audit('staffSettings', { from: before, to: input });
    return readStaffSettings(ctx.db);
  },

  'measures.list': (ctx, input) => listMeasures(ctx.sqlite, input) as never,
  'measures.save': (ctx, input) => {
    const p = personById(ctx.sqlite, input.personId);
    if (!p) throw new AppError('NOT_FOUND', '没有找到这个人员，请刷新。');
    const row = {
      personId: input.personId,
      category: input.category,
      measure: input.measure,
      body: input.body,
      decidedOn: input.decidedOn,
      effectUntil: input.effectUntil ?? null,
      docNo: input.docNo ?? '',
      note: input.note ?? '',
    };
    let id = input.id;
    if (id) {
      if (!measureById(ctx.sqlite, id)) throw new AppError('NOT_FOUND', '没有找到这条登记，请刷新。');
      updateMeasure(ctx.records, id, row);
    } else id = insertMeasure(ctx.records, row, ctx.caller.username);
    ctx.audit(`staffMeasure:${p.name}`, { measure: input.measure, body: input.body, decidedOn: input.decidedOn });
    return { id };
  },
  'measures.remove': (ctx, input) => {
    const m = measureById(ctx.sqlite, input.id);
    if (!m) throw new AppError('NOT_FOUND', '没有找到这条登记，请刷新。');
    removeMeasure(ctx.records, m.id);
    ctx.audit(`staffMeasure:${m.personName}`, { removed: m.measure, decidedOn: m.decidedOn });
    return { ok: true as const };
  },
};
