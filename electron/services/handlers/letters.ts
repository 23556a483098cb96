import fs from 'node:fs';
import { AppError } from '../../contract';
import { type OfficialDocument, buildResponsibilityLetter, letterTitle } from '../../core';
import { documentById, voidDocument } from '../../../db/repos/documents';
import { letterModels, letterOf, lettersOf, type LetterRecord, type PlanRecord, targetsOf } from '../../../db/repos/plans';
import { renderCombined } from '../documents/gbt9704';
import { documentsDir, prepareDocument, type PreparedDocument, registerDocument } from '../documents/issue';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { todayOf } from '../org/write';
import { letterInputFor, letterProblems, targetsFingerprint, type UnitFacts, unitFacts } from '../plans/letter-input';
import { mustPlan, requireRule } from './plans';
import { readBasicSettings } from './settings';

function mustUnit(ctx: HandlerContext, unitId: number): UnitFacts {
  const u = unitFacts(ctx.sqlite, [unitId])[0];
  if (!u) throw new AppError('NOT_FOUND', '没有找到这个单位，请刷新。');
  return u;
}

/** The units a plan's letters concern: those with targets, and any that already have a letter. */
function planUnits(ctx: HandlerContext, plan: PlanRecord): UnitFacts[] {
  const ids = new Set([
    ...(ctx.sqlite.prepare('select distinct unit_id as u from targets where plan_id = ?').all(plan.id) as { u: number }[]).map((r) => r.u),
    ...lettersOf(ctx.sqlite, plan.id).map((l) => l.unitId),
  ]);
  return unitFacts(ctx.sqlite).filter((u) => ids.has(u.unitId));
}

function letterRowOf(ctx: HandlerContext, plan: PlanRecord, unit: UnitFacts, letter: LetterRecord | undefined) {
  const targets = targetsOf(ctx.sqlite, { planId: plan.id, unitId: unit.unitId });
  const { blockers, warnings } = letterProblems(plan, unit, targets);
  const lastChange = targets.reduce((a, t) => Math.max(a, t.updatedAt), 0);
  return {
    unitId: unit.unitId,
    unitCode: unit.code,
    unitName: unit.name,
    categoryName: unit.categoryName,
    targets: targets.length,
    points: Math.round(targets.filter((t) => t.kind === 'common' || t.kind === 'specific').reduce((a, t) => a + Math.round(t.points * 100), 0)) / 100,
    head: unit.head?.name ?? null,
    blockers,
    warnings,
    documentId: letter?.documentId ?? null,
    number: letter?.number ?? null,
    generatedAt: letter?.generatedAt ?? null,
    voided: letter?.voided ?? false,
    stale: !!letter?.generatedAt && !letter.voided && lastChange > letter.generatedAt,
    signedDate: letter?.signedDate ?? null,
    partyASigner: letter?.partyASigner ?? null,
    partyBSigner: letter?.partyBSigner ?? null,
  };
}

interface PreparedLetter {
  doc: PreparedDocument;
  fingerprint: string;
  previous: number | null;
}

export const lettersHandlers: Handlers<'letters.list' | 'letters.generate' | 'letters.batch' | 'letters.combine' | 'letters.sign' | 'letters.unsign' | 'jobs.status' | 'jobs.cancel'> = {
  'letters.list': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    const letters = new Map(lettersOf(ctx.sqlite, plan.id).map((l) => [l.unitId, l]));
    return planUnits(ctx, plan).map((u) => letterRowOf(ctx, plan, u, letters.get(u.unitId)));
  },

  /** Renders the letter outside the transaction; takes the number and registers it inside, if nothing changed meanwhile. */
  'letters.generate': prepared(
    async (ctx, input): Promise<PreparedLetter> => {
      const plan = mustPlan(ctx, input.planId);
      requireRule(plan, 'letters');
      const unit = mustUnit(ctx, input.unitId);
      const existing = letterOf(ctx.sqlite, plan.id, unit.unitId);
      if (existing?.signedDate) throw new AppError('RULE_VIOLATION', `${unit.name}的责任书已签订，不能重新生成；如确需重新生成，请先撤销签订。`);
      const settings = readBasicSettings(ctx);
      const date = todayOf(ctx.now);
      let fingerprint = '';
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        outDir: documentsDir(ctx.env.dataDir, 'letter', Number(date.slice(0, 4))),
        kind: 'letter',
        prefix: settings.docPrefixes.letter,
        year: Number(date.slice(0, 4)),
        title: `${unit.name}${letterTitle(plan.year)}`,
        build: (number) => {
          const { input: li, targets } = letterInputFor(ctx.sqlite, settings, plan, unit, { number, date });
          const { blockers } = letterProblems(plan, unit, targets);
          if (blockers.length) throw new AppError('RULE_VIOLATION', `${unit.name}的责任书不能生成：${blockers.join('；')}。`);
          fingerprint = targetsFingerprint(targets);
          return buildResponsibilityLetter(li);
        },
      });
      return { doc, fingerprint, previous: existing && !existing.voided ? existing.documentId : null };
    },
    (ctx, input, p) => {
      const discard = (e: AppError) => {
        fs.rmSync(p.doc.pending, { force: true });
        return e;
      };
      const plan = mustPlan(ctx, input.planId);
      if (!planRulesAllowLetters(plan)) throw discard(new AppError('CONFLICT', '生成期间方案状态已改变，本份未生成。'));
      const now = letterOf(ctx.sqlite, plan.id, input.unitId);
      if (now?.signedDate) throw discard(new AppError('CONFLICT', '生成期间该单位的责任书已签订，本份未生成。'));
      if (targetsFingerprint(targetsOf(ctx.sqlite, { planId: plan.id, unitId: input.unitId })) !== p.fingerprint) {
        throw discard(new AppError('CONFLICT', '生成期间目标任务被修改，本份未生成，请重新生成。'));
      }
      const documentId = registerDocument(ctx.sqlite, p.doc, { ownerNode: ctx.env.nodeId, subject: `letter:${plan.year}:${input.unitId}`, madeBy: ctx.caller.username, madeAt: ctx.now });
      if (p.previous) voidDocument(ctx.sqlite, p.previous, ctx.caller.username, `重新生成，由 ${p.doc.number} 取代`, ctx.now);
      ctx.sqlite
        .prepare(
          `insert into letters (uuid, owner_node, version, plan_id, unit_id, document_id, model, created_at, updated_at) values (lower(hex(randomblob(16))), ?, 1, ?, ?, ?, ?, ?, ?)
           on conflict(plan_id, unit_id) do update set document_id = excluded.document_id, model = excluded.model, version = version + 1, updated_at = excluded.updated_at`,
        )
        .run(ctx.env.nodeId, plan.id, input.unitId, documentId, JSON.stringify(p.doc.model), ctx.now, ctx.now);
      ctx.audit(`document:${p.doc.number}`, { kind: 'letter', plan: plan.year, unitId: input.unitId, sha256: p.doc.sha256, replaced: p.previous });
      return { documentId, number: p.doc.number, fileName: p.doc.fileName };
    },
  ),

  'letters.batch': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'letters');
    const signed = new Set(lettersOf(ctx.sqlite, plan.id).filter((l) => l.signedDate).map((l) => l.unitId));
    const units = planUnits(ctx, plan).filter((u) => (!input.unitIds || input.unitIds.includes(u.unitId)) && !signed.has(u.unitId));
    if (units.length === 0) throw new AppError('RULE_VIOLATION', '没有需要生成责任书的单位（没有目标任务，或均已签订）。');
    const caller = ctx.caller;
    const transport = ctx.transport;
    return ctx.app.jobs.start(caller.username, `批量生成${plan.year}年度目标责任书`, units.length, async (job) => {
      for (const u of units) {
        if (job.cancelled) return;
        try {
          await ctx.app.callAs(caller, transport, 'letters.generate', { planId: plan.id, unitId: u.unitId });
          job.step(true);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          job.step(false, { item: `${u.code} ${u.name}`, message });
          // a full or read-only disk fails every letter after it: stop and say so once
          if (e instanceof AppError && e.code === 'STORAGE') throw e;
        }
      }
      if (job.cancelled) return;
      const c = (await ctx.app.callAs(caller, transport, 'letters.combine', { planId: plan.id })) as { documentId: number; fileName: string; volumes: unknown[] };
      job.finish({ combinedDocumentId: c.documentId, combinedFile: c.volumes.length > 1 ? `合订本共 ${c.volumes.length} 册（见“公文登记”）` : c.fileName });
    });
  },

  /** Print copies: the plan's current letters in unit order, up to 100 to a volume (a file Word opens comfortably). */
  'letters.combine': prepared(
    async (ctx, input) => {
      const plan = mustPlan(ctx, input.planId);
      const order = new Map(unitFacts(ctx.sqlite).map((u, i) => [u.unitId, i]));
      const letters = letterModels(ctx.sqlite, plan.id).sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
      if (letters.length === 0) throw new AppError('RULE_VIOLATION', '还没有生成任何责任书。');
      const date = todayOf(ctx.now);
      const volumes: PreparedDocument[] = [];
      const count = Math.ceil(letters.length / VOLUME);
      try {
        for (let v = 0; v < count; v++) {
          const part = letters.slice(v * VOLUME, (v + 1) * VOLUME);
          const title = `${letterTitle(plan.year)}合订本${count > 1 ? `第${v + 1}册` : ''}（${part.length}份）`;
          volumes.push(
            await prepareDocument({
              sqlite: ctx.sqlite,
              outDir: documentsDir(ctx.env.dataDir, 'combined', Number(date.slice(0, 4))),
              kind: 'combined',
              prefix: '合订本',
              year: Number(date.slice(0, 4)),
              title,
              seqOffset: v,
              numberFormat: (prefix, year, seq) => `${prefix}${year}-${seq}`,
              render: async () => ({ bytes: await renderCombined(title, part.map((l) => JSON.parse(l.model) as OfficialDocument)), model: part.map((l) => l.documentId) }),
            }),
          );
        }
      } catch (e) {
        for (const d of volumes) fs.rmSync(d.pending, { force: true });
        throw e;
      }
      return { volumes, count: letters.length, plan };
    },
    (ctx, _input, p) => {
      const ids = p.volumes.map((doc) => {
        const documentId = registerDocument(ctx.sqlite, doc, { ownerNode: ctx.env.nodeId, subject: `letters:${p.plan.year}`, madeBy: ctx.caller.username, madeAt: ctx.now });
        return { documentId, fileName: doc.fileName, number: doc.number, sha256: doc.sha256 };
      });
      ctx.audit(`letters:${p.plan.year}`, { kind: 'combined', letters: p.count, volumes: ids });
      return { documentId: ids[0]!.documentId, fileName: ids[0]!.fileName, letters: p.count, volumes: ids.map(({ documentId, fileName }) => ({ documentId, fileName })) };
    },
  ),

  'letters.sign': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'letters');
    const unit = mustUnit(ctx, input.unitId);
    const letter = letterOf(ctx.sqlite, plan.id, unit.unitId);
    if (!letter?.documentId || letter.voided) throw new AppError('RULE_VIOLATION', `${unit.name}还没有有效的责任书，请先生成。`);
    if (letter.signedDate) throw new AppError('CONFLICT', `${unit.name}的责任书已于 ${letter.signedDate} 登记签订。`);
    const doc = documentById(ctx.sqlite, letter.documentId)!;
    if (input.signedDate > todayOf(ctx.now)) throw new AppError('INVALID_INPUT', '签订日期不能晚于今天。', { fields: [{ path: 'signedDate', message: '不能晚于今天' }] });
    if (input.signedDate < todayOf(doc.madeAt)) throw new AppError('INVALID_INPUT', `签订日期不能早于责任书生成日期（${todayOf(doc.madeAt)}）。`, { fields: [{ path: 'signedDate', message: '早于生成日期' }] });
    const stale = targetsOf(ctx.sqlite, { planId: plan.id, unitId: unit.unitId }).some((t) => t.updatedAt > doc.madeAt);
    if (stale) throw new AppError('RULE_VIOLATION', `${unit.name}的目标任务在责任书生成后又有修改，签订的文本与系统中的目标不一致；请重新生成后再登记签订。`);
    ctx.sqlite
      .prepare('update letters set signed_date = ?, party_a_signer = ?, party_b_signer = ?, signed_by = ?, version = version + 1, updated_at = ? where id = ?')
      .run(input.signedDate, input.partyASigner, input.partyBSigner, ctx.caller.username, ctx.now, letter.id);
    ctx.audit(`letter:${plan.year}:${unit.code}`, { signed: input.signedDate, partyA: input.partyASigner, partyB: input.partyBSigner, document: letter.number });
    return letterRowOf(ctx, plan, unit, letterOf(ctx.sqlite, plan.id, unit.unitId));
  },
  'letters.unsign': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'letters');
    const unit = mustUnit(ctx, input.unitId);
    const letter = letterOf(ctx.sqlite, plan.id, unit.unitId);
    if (!letter?.signedDate) throw new AppError('RULE_VIOLATION', `${unit.name}的责任书尚未登记签订。`);
    ctx.sqlite.prepare('update letters set signed_date = null, party_a_signer = null, party_b_signer = null, signed_by = null, version = version + 1, updated_at = ? where id = ?').run(ctx.now, letter.id);
    ctx.audit(`letter:${plan.year}:${unit.code}`, { unsigned: letter.signedDate, reason: input.reason });
    return letterRowOf(ctx, plan, unit, letterOf(ctx.sqlite, plan.id, unit.unitId));
  },

  'jobs.status': (ctx, input) => ctx.app.jobs.get(input.id, ctx.caller.username),
  'jobs.cancel': (ctx, input) => ctx.app.jobs.cancel(input.id, ctx.caller.username),
};

const planRulesAllowLetters = (plan: PlanRecord) => plan.state === 'published';
const VOLUME = 100;
