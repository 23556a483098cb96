import { AppError } from '../../contract';
import {
  buildExcellentPublicity,
  chineseDate,
  excellentPublicityTitle,
  limitRefusal,
  objectionLifecycle,
  objectionReceiptProblem,
  publicationLifecycle,
  publicationStateOn,
  publicityPeriod,
} from '../../core';
import { staffGrade } from '../../vocab';
import {
  insertObjectionRow,
  insertPublicationRow,
  nextObjectionNo,
  objectionById,
  objectionsOf,
  publicationById,
  publicationOf,
  setObjectionAnswer,
  setObjectionInvestigating,
  setPublicationClosed,
} from '../../../db/repos/publication';
import { ensureRound, saveAssessment } from '../../../db/repos/staff';
import {
  assessmentOfYear,
  insertPosting,
  personIdsByUuid,
  postingById,
  roundUnitsOfYear,
} from '../../../db/repos/staff-postings';
import { calendarAround } from '../calendar-days';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { requireStep } from '../lifecycle';
import { todayOf } from '../org/write';
import { type Covering, overlapping, postingName, postingViewOf, proposalsOf } from '../people/posting';
import { roundState } from '../people/round';
import { readStaffSettings } from '../people/settings';
import { readBasicSettings } from './settings';

/** 优秀等次公示: issued with its notice, objections received and answered, the 优秀 confirmed after the period. */

type Scope = { year: number; unitId: number | null };

function mustPosting(ctx: HandlerContext, id: number): Covering {
  const posting = postingById(ctx.sqlite, id);
  const pub = posting && publicationOf(ctx.sqlite, 'staff_excellent', posting.id);
  if (!posting || !pub) throw new AppError('NOT_FOUND', '没有找到这次优秀等次公示，请刷新。');
  return { posting, pub };
}

function mustObjection(ctx: HandlerContext, id: number) {
  const o = objectionById(ctx.sqlite, id);
  const pub = o && publicationById(ctx.sqlite, o.publicationId);
  const posting = pub?.subjectKind === 'staff_excellent' ? postingById(ctx.sqlite, pub.subjectId) : undefined;
  if (!o || !pub || !posting) throw new AppError('NOT_FOUND', '没有找到这件异议，请刷新。');
  return { o, c: { posting, pub } };
}

/** Refuses a 公示 that overlaps another or whose list the rules refuse (before rendering, and again in the write). */
function requirePostable(ctx: HandlerContext, s: Scope) {
  const other = overlapping(ctx.sqlite, s.year, s.unitId)[0];
  if (other)
    throw new AppError(
      'CONFLICT',
      `${other.unitName ?? '全部单位'}${s.year}年度的优秀等次已经公示，不能再次公示${s.unitId === null ? '全部单位' : ''}。`,
    );
  const p = proposalsOf(ctx.sqlite, s.year, s.unitId, readStaffSettings(ctx.db));
  if (p.problems.length)
    throw new AppError('RULE_VIOLATION', `不能印发优秀等次公示：${p.problems.slice(0, 5).join('')}`);
  return p;
}

function issuerOf(ctx: HandlerContext): string {
  const settings = readBasicSettings(ctx);
  const issuer = settings.issuingBodies[0] || settings.unitName;
  if (!issuer)
    throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请在“系统设置 → 公文与责任书”中填写后再发文。');
  return issuer;
}

const subject = (o: { no: number }) => `异议第${o.no}号：`;

export const staffExcellentHandlers: Handlers<
  | 'staff.posting'
  | 'staff.publicize'
  | 'staff.objectionRegister'
  | 'staff.objectionInvestigate'
  | 'staff.objectionAnswer'
  | 'staff.confirmExcellent'
> = {
  'staff.posting': (ctx, input) => {
    const today = todayOf(ctx.now);
    return postingViewOf(ctx.sqlite, input.year, input.unitId, {
      today,
      days: calendarAround(ctx, today),
      contact: readBasicSettings(ctx).publicityContact,
      settings: readStaffSettings(ctx.db),
    });
  },

  /** The notice of the proposed 优秀, its number registered; the period in working days (at least 5). */
  'staff.publicize': prepared(
    async (ctx, input) => {
      const p = requirePostable(ctx, input);
      const today = todayOf(ctx.now);
      if (input.startDate < today)
        throw new AppError('INVALID_INPUT', '公示开始日期不能早于今天。', {
          fields: [{ path: 'startDate', message: '不能早于今天' }],
        });
      const period = publicityPeriod(input.startDate, input.workingDays, calendarAround(ctx, input.startDate));
      const settings = readBasicSettings(ctx);
      const contact = {
        phone: input.phone ?? settings.publicityContact.phone,
        address: input.address ?? settings.publicityContact.address,
      };
      if (!contact.phone && !contact.address)
        throw new AppError('INVALID_INPUT', '请填写异议受理电话或地址（可在“系统设置 → 公文与责任书”中设置默认值）。', {
          fields: [{ path: 'phone', message: '请填写受理电话或地址' }],
        });
      const issuer = issuerOf(ctx);
      const unitName = input.unitId === null ? null : (p.units.get(input.unitId) ?? null);
      const people = p.listed.map(({ name, unit, post }) => ({ name, unit, post }));
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'staffPublicity', input.year),
        kind: 'staffPublicity',
        prefix: settings.docPrefixes.staffPublicity,
        year: input.year,
        title: excellentPublicityTitle(input.year, unitName),
        build: (number) =>
          buildExcellentPublicity({
            issuer,
            number,
            year: input.year,
            unitName,
            people,
            period: { startDate: period.start, endDate: period.end, workingDays: input.workingDays },
            ...contact,
            date: today,
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, period, contact, listed: p.listed.map((l) => l.personUuid).join() };
    },
    (ctx, input, prep) => {
      const p = requirePostable(ctx, input);
      if (p.listed.map((l) => l.personUuid).join() !== prep.listed)
        throw new AppError('CONFLICT', '生成期间拟定的优秀人选有变化，请重试。', { retry: true });
      const documentId = registerDocument(ctx, prep.doc, {
        subject: `staffExcellent:${input.year}`,
        madeBy: ctx.caller.username,
      });
      const postingId = insertPosting(ctx.records, {
        year: input.year,
        unitId: input.unitId,
        listed: p.listed.map(({ personUuid, name, unit, post }) => ({ personUuid, name, unit, post })),
      });
      const id = insertPublicationRow(ctx.records, {
        subjectKind: 'staff_excellent',
        subjectId: postingId,
        title: prep.doc.title,
        startDate: prep.period.start,
        endDate: prep.period.end,
        workingDays: input.workingDays,
        ...prep.contact,
        snapshotId: null,
        publicityDocumentId: documentId,
      });
      ctx.auditEach(`document:${prep.doc.number}`, {
        kind: 'staffPublicity',
        publication: id,
        sha256: prep.doc.sha256,
      });
      ctx.auditEach(`publication:${id}`, {
        year: input.year,
        scope: input.unitId === null ? '全部单位' : p.units.get(input.unitId),
        listed: p.listed.map((l) => `${l.name}（${l.unit}）`),
        start: prep.period.start,
        end: prep.period.end,
      });
      return { id: postingId, number: prep.doc.number };
    },
  ),

  /** An objection received within the period, naming the person it disputes if it names one. */
  'staff.objectionRegister': (ctx, input) => {
    const { posting, pub } = mustPosting(ctx, input.postingId);
    const today = todayOf(ctx.now);
    requireStep(ctx, publicationLifecycle, publicationStateOn(pub, today), 'receive', { subject: '优秀等次公示' });
    const late = objectionReceiptProblem(pub, input.receivedDate, today);
    if (late)
      throw new AppError('RULE_VIOLATION', late.replace('考核结果已通报', '优秀等次已确定'), {
        fields: [{ path: 'receivedDate', message: '超出公示期或日期有误' }],
      });
    const personId = input.personId ?? null;
    if (personId !== null) {
      const ids = personIdsByUuid(
        ctx.sqlite,
        posting.listed.map((l) => l.personUuid),
      );
      if (![...ids.values()].includes(personId))
        throw new AppError('INVALID_INPUT', '所涉人员不在公示名单中。', {
          fields: [{ path: 'personId', message: '请选择公示名单中的人员' }],
        });
    }
    const no = nextObjectionNo(ctx.sqlite, pub.id);
    const id = insertObjectionRow(ctx.records, {
      publicationId: pub.id,
      no,
      raiserName: input.raiserName,
      raiserUnit: input.raiserUnit,
      raiserContact: input.raiserContact,
      receivedDate: input.receivedDate,
      content: input.content,
      unitId: null,
      personId,
      registeredBy: ctx.caller.username,
    });
    ctx.audit(`objection:${id}`, { publication: pub.id, no, receivedDate: input.receivedDate, personId });
    return { ok: true as const };
  },

  'staff.objectionInvestigate': (ctx, input) => {
    const { o } = mustObjection(ctx, input.id);
    requireStep(ctx, objectionLifecycle, o.state, 'investigate', {
      fields: { investigation: input.investigation },
      subject: subject(o),
    });
    setObjectionInvestigating(ctx.records, o.id, input.investigation.trim());
    ctx.audit(`objection:${o.id}`, { no: o.no, investigation: input.investigation.trim() });
    return { ok: true as const };
  },

  /** Answered; upheld on a person: that person's proposed 优秀 is withdrawn and the grade reopened. */
  'staff.objectionAnswer': (ctx, input) => {
    const { o, c } = mustObjection(ctx, input.id);
    requireStep(ctx, objectionLifecycle, o.state, 'answer', {
      fields: { outcome: input.outcome, answer: input.answer },
      subject: subject(o),
    });
    setObjectionAnswer(ctx.records, o.id, {
      outcome: input.outcome,
      answer: input.answer.trim(),
      answeredDate: todayOf(ctx.now),
      answeredBy: ctx.caller.username,
    });
    let reopened: string | null = null;
    if (input.outcome === 'upheld' && o.personId !== null) {
      const a = assessmentOfYear(ctx.sqlite, o.personId, c.posting.year);
      if (a?.proposedGrade === 'excellent') {
        saveAssessment(ctx.records, a.roundId, o.personId, { proposed_grade: null });
        reopened = o.personName;
      }
    }
    ctx.audit(`objection:${o.id}`, {
      no: o.no,
      outcome: input.outcome,
      answer: input.answer.trim(),
      ...(reopened ? { reopened } : {}),
    });
    return { ok: true as const };
  },

  /** After the period, every objection answered: the proposed 优秀 still listed become final (嘉奖 follows). */
  'staff.confirmExcellent': (ctx, input) => {
    const c = mustPosting(ctx, input.postingId);
    const today = todayOf(ctx.now);
    const state = publicationStateOn(c.pub, today);
    if (state === 'notified') throw new AppError('RULE_VIOLATION', `${postingName(c)}的优秀等次已经确定。`);
    if (state === 'open')
      throw new AppError('RULE_VIOLATION', `公示期至${chineseDate(c.pub.endDate)}，期满后才能确定优秀等次。`);
    const unanswered = objectionsOf(ctx.sqlite, c.pub.id).filter((o) => o.state !== 'answered');
    if (unanswered.length)
      throw new AppError(
        'RULE_VIOLATION',
        `还有异议未答复（${unanswered.map((o) => `异议第${o.no}号`).join('、')}），答复后才能确定优秀等次。`,
      );
    const settings = readStaffSettings(ctx.db);
    const listed = new Set(
      personIdsByUuid(
        ctx.sqlite,
        c.posting.listed.map((l) => l.personUuid),
      ).values(),
    );
    const rounds = c.posting.unitId === null ? roundUnitsOfYear(ctx.sqlite, c.posting.year) : [c.posting.unitId];
    const made: string[] = [];
    for (const unitId of rounds) {
      const s = roundState(ctx.sqlite, c.posting.year, unitId, settings);
      if (s.round?.confirmedAt)
        throw new AppError('RULE_VIOLATION', `${s.view.unitName}${c.posting.year}年度考核等次已确定，请先撤销确定。`);
      const chosen = s.members.filter(
        (m) => m.inScope && m.stored?.proposedGrade === 'excellent' && listed.has(m.personId),
      );
      const others = s.members.filter((m) => m.inScope && m.stored?.finalGrade === 'excellent' && !chosen.includes(m));
      if (chosen.length + others.length > s.view.quota)
        throw new AppError(
          'RULE_VIOLATION',
          `${s.view.unitName}确定优秀 ${chosen.length + others.length} 名，超过优秀名额 ${s.view.quota} 名` +
            `（参加考核 ${s.view.assessed} 人，比例 ${s.view.share}%）。`,
        );
      for (const m of chosen) {
        const name = s.view.people.find((p) => p.personId === m.personId)?.name ?? '';
        const refused = limitRefusal(m.limit, 'excellent');
        if (refused)
          throw new AppError('RULE_VIOLATION', `${name}${refused}请先将其拟定等次改为其他等次，再确定优秀等次。`);
        const round = ensureRound(ctx.sqlite, ctx.records, c.posting.year, unitId);
        saveAssessment(ctx.records, round.id, m.personId, {
          final_grade: 'excellent',
          rule_table_id: s.rules.tableId,
          rule_version: s.rules.version,
          graded_by: ctx.caller.username,
          graded_at: ctx.now,
        });
        made.push(`${name}（${s.view.unitName}）`);
      }
    }
    setPublicationClosed(ctx.records, c.pub.id);
    ctx.audit(`publication:${c.pub.id}`, { confirmed: made, grade: staffGrade.label('excellent') });
    return { ok: true as const };
  },
};
