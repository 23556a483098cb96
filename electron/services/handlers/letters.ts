import { AppError } from '../../contract';
import { type OfficialDocument, buildResponsibilityLetter, letterLifecycle, letterTitle } from '../../core';
import { requireStep } from '../lifecycle';
import { documentById, voidDocument } from '../../../db/repos/documents';
import type { PlanRecord } from '../../../db/repos/plans';
import {
  type CurrentLetter,
  currentLetters,
  letterModelsOf,
  letterOf,
  type LetterRecord,
  saveLetterRow,
  signLetterRow,
} from '../../../db/repos/letters';
import { type UnitFacts, unitFacts } from '../../../db/repos/org';
import {
  discardUnlessCommitted,
  documentsDir,
  prepareDocument,
  type PreparedDocument,
  readRegistered,
  registerDocument,
} from '../documents/issue';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { todayOf } from '../org/write';
import { mustPlan, requireRule } from './plans';
import { readBasicSettings } from './settings';
import { type LetterPrint, sameLetter } from '../plans/letter-fingerprint';
import { current, letterRowOf } from './letters-list';

/** Letters to a combined volume: a file Word and WPS open comfortably (2,000 letters in one file would not). */
const VOLUME = 100;
/**
 * Volumes bound at once: one. A worker binding its first 100-letter volume also works out that file's 200 sections
 * (tens of megabytes for a moment); two at once would hold twice that for half a second saved in 2,000 letters.
 */
const VOLUME_LANES = 1;

const modelOf = (l: CurrentLetter, model: string | undefined): OfficialDocument => {
  try {
    return JSON.parse(model ?? '') as OfficialDocument;
  } catch {
    throw new AppError(
      'STORAGE',
      `有一份责任书的存档内容已损坏（单位编号 ${l.unitId}），请重新生成该单位的责任书后再合订。`,
    );
  }
};

/**
 * A bound volume, on the render pool: from the letters' files as registered (their bodies taken as built, nothing
 * laid out again), or, when a file is gone or altered or an earlier version built it, laid out from the models the
 * letters were made from — the same text either way.
 */
async function volumeOf(ctx: HandlerContext, title: string, part: CurrentLetter[]): Promise<Buffer> {
  let letters: Buffer[] | null;
  try {
    letters = part.map((l) => readRegistered(ctx.env.dataDir, l));
  } catch {
    letters = null;
  }
  if (letters) {
    try {
      return Buffer.from((await ctx.app.render.run({ kind: 'volume', title, letters })).bytes);
    } catch {
      // not this version's layout (an earlier version built them): laid out again below
    }
  }
  const models = letterModelsOf(
    ctx.sqlite,
    part.map((l) => l.documentId),
  );
  const docs = part.map((l) => modelOf(l, models.get(l.documentId)));
  return Buffer.from((await ctx.app.render.run({ kind: 'combined', title, docs })).bytes);
}

export function mustUnit(ctx: HandlerContext, unitId: number): UnitFacts {
  const u = unitFacts(ctx.sqlite, [unitId])[0];
  if (!u) throw new AppError('NOT_FOUND', '没有找到这个单位，请刷新。');
  return u;
}

interface PreparedLetter {
  doc: PreparedDocument;
  fingerprint: string;
}

/** A letter that needs nothing: generated, in force, unsigned, and printing what it would print now. */
export const upToDate = (l: LetterRecord | undefined, now: LetterPrint): l is LetterRecord =>
  !!l?.documentId && !l.voided && !l.signedDate && sameLetter(l.fingerprint, now);

/** Where a unit's letter stands: none (or only a voided one), generated, signed. */
export const letterStateOf = (l: LetterRecord | undefined): 'none' | 'generated' | 'signed' =>
  l?.signedDate ? 'signed' : l?.documentId && !l.voided ? 'generated' : 'none';

type IssueInput = { planId: number; unitId: number; reason?: string };

/**
 * Renders the letter outside the transaction; takes the number and registers it inside, if nothing it prints changed
 * meanwhile. generate makes a letter that is missing, voided or out of date and refuses a current one; reissue prints a
 * current one again under a new number, voiding the old with the reason given.
 */
type Mode = 'generate' | 'reissue';
const issue = {
  async render(ctx: HandlerContext, input: IssueInput, mode: Mode): Promise<PreparedLetter> {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'letters');
    const unit = mustUnit(ctx, input.unitId);
    const existing = letterOf(ctx.sqlite, plan.id, unit.unitId);
    requireStep(ctx, letterLifecycle, letterStateOf(existing), mode, { subject: `${unit.name}的`, fields: input });
    const settings = readBasicSettings(ctx);
    if (mode === 'generate' && upToDate(existing, current(ctx, settings, plan, unit))) {
      throw new AppError(
        'RULE_VIOLATION',
        `${unit.name}的责任书（${existing.number}）已是最新，无需重新生成；确需重新印发的，请用“重新印发”并说明原因。`,
      );
    }
    const date = todayOf(ctx.now);
    let fingerprint = '';
    const doc = await prepareDocument({
      sqlite: ctx.sqlite,
      demo: ctx.env.demo,
      outDir: documentsDir(ctx.env.dataDir, 'letter', Number(date.slice(0, 4))),
      kind: 'letter',
      prefix: settings.docPrefixes.letter,
      year: Number(date.slice(0, 4)),
      title: `${unit.name}${letterTitle(plan.year)}`,
      build: (number) => {
        const now = current(ctx, settings, plan, unit, undefined, number, date);
        if (now.blockers.length)
          throw new AppError('RULE_VIOLATION', `${unit.name}的责任书不能生成：${now.blockers.join('；')}。`);
        fingerprint = now.fingerprint;
        return buildResponsibilityLetter(now.input);
      },
    });
    discardUnlessCommitted(ctx, doc);
    return { doc, fingerprint };
  },
  register(ctx: HandlerContext, input: IssueInput, p: PreparedLetter, mode: Mode) {
    const plan = mustPlan(ctx, input.planId);
    if (plan.state !== 'published') throw new AppError('CONFLICT', '生成期间方案状态已改变，本份未生成。');
    const unit = mustUnit(ctx, input.unitId);
    const existing = letterOf(ctx.sqlite, plan.id, unit.unitId);
    if (existing?.signedDate) throw new AppError('CONFLICT', '生成期间该单位的责任书已签订，本份未生成。');
    const now = current(ctx, readBasicSettings(ctx), plan, unit);
    if (now.fingerprint !== p.fingerprint) {
      throw new AppError('CONFLICT', '生成期间目标任务、指标或责任书条款被修改，本份未生成，请重新生成。');
    }
    // another call generated it meanwhile: that one is current, and its number stays
    if (mode === 'generate' && upToDate(existing, now))
      throw new AppError('CONFLICT', `生成期间该单位的责任书已生成（${existing.number}），本份未生成。`);
    const documentId = registerDocument(ctx, p.doc, {
      subject: `letter:${plan.year}:${unit.code}`,
      madeBy: ctx.caller.username,
    });
    // the letter it replaces is the one registered now, whatever was current when this one was prepared
    const replaced = existing?.documentId && !existing.voided ? existing.documentId : null;
    const why = mode === 'reissue' ? `重新印发（${input.reason}）` : '重新生成';
    if (replaced) voidDocument(ctx.records, replaced, ctx.caller.username, `${why}，由 ${p.doc.number} 取代`);
    saveLetterRow(ctx.records, {
      planId: plan.id,
      unitId: unit.unitId,
      documentId,
      model: JSON.stringify(p.doc.model),
      fingerprint: p.fingerprint,
    });
    ctx.audit(`document:${p.doc.number}`, {
      kind: 'letter',
      plan: plan.year,
      unit: unit.code,
      sha256: p.doc.sha256,
      replaced,
      ...(mode === 'reissue' ? { reissued: input.reason } : {}),
    });
    return { documentId, number: p.doc.number, fileName: p.doc.fileName };
  },
};

type SignInput = { unitId: number; signedDate: string; partyASigner: string; partyBSigner: string };

/**
 * Registers one letter's signing after every check (letters.sign, and each row of letters.signMany): the letter is
 * generated and in force, the date lies between its generation and today, its targets have no blockers and print
 * what the letter printed. Throws the refusal; writes nothing when it throws. Returns the audit entry's detail.
 */
export function signLetter(ctx: HandlerContext, plan: PlanRecord, input: SignInput) {
  requireRule(plan, 'letters');
  const unit = mustUnit(ctx, input.unitId);
  const letter = letterOf(ctx.sqlite, plan.id, unit.unitId);
  requireStep(ctx, letterLifecycle, letterStateOf(letter), 'sign', { subject: `${unit.name}的`, fields: input });
  if (!letter?.documentId) throw new AppError('NOT_FOUND', '没有找到这份责任书，请刷新。');
  const doc = documentById(ctx.sqlite, letter.documentId)!;
  if (input.signedDate > todayOf(ctx.now))
    throw new AppError('INVALID_INPUT', '签订日期不能晚于今天。', {
      fields: [{ path: 'signedDate', message: '不能晚于今天' }],
    });
  if (input.signedDate < todayOf(doc.madeAt))
    throw new AppError('INVALID_INPUT', `签订日期不能早于责任书生成日期（${todayOf(doc.madeAt)}）。`, {
      fields: [{ path: 'signedDate', message: '早于生成日期' }],
    });
  const now = current(ctx, readBasicSettings(ctx), plan, unit);
  if (now.blockers.length)
    throw new AppError('RULE_VIOLATION', `${unit.name}的目标有问题，不能登记签订：${now.blockers.join('；')}。`);
  if (!sameLetter(letter.fingerprint, now)) {
    throw new AppError(
      'RULE_VIOLATION',
      `${unit.name}的目标任务、指标或责任书条款在责任书生成后有改动，签订的文本与系统中的不一致；请重新生成后再登记签订。`,
    );
  }
  signLetterRow(ctx.records, letter.id, {
    signedDate: input.signedDate,
    partyASigner: input.partyASigner,
    partyBSigner: input.partyBSigner,
    signedBy: ctx.caller.username,
  });
  const detail = {
    signed: input.signedDate,
    partyA: input.partyASigner,
    partyB: input.partyBSigner,
    document: letter.number,
  };
  return { plan, unit, now, detail };
}

export const lettersHandlers: Handlers<
  'letters.generate' | 'letters.reissue' | 'letters.combine' | 'letters.sign' | 'letters.unsign'
> = {
  'letters.generate': prepared(
    (ctx, input) => issue.render(ctx, input, 'generate'),
    (ctx, input, p) => issue.register(ctx, input, p, 'generate'),
  ),
  'letters.reissue': prepared(
    (ctx, input) => issue.render(ctx, input, 'reissue'),
    (ctx, input, p) => issue.register(ctx, input, p, 'reissue'),
  ),

  /**
   * Print copies: the plan's current letters in unit order, up to VOLUME to a file, each letter from its own “— 1 —”.
   */
  'letters.combine': prepared(
    async (ctx, input) => {
      const plan = mustPlan(ctx, input.planId);
      const order = new Map(unitFacts(ctx.sqlite).map((u, i) => [u.unitId, i]));
      const letters = currentLetters(ctx.sqlite, plan.id).sort(
        (a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0),
      );
      if (letters.length === 0) throw new AppError('RULE_VIOLATION', '还没有生成任何责任书。');
      const date = todayOf(ctx.now);
      const count = Math.ceil(letters.length / VOLUME);
      // VOLUME_LANES volumes at once, only their files in memory
      const volumes: PreparedDocument[] = [];
      let next = 0;
      const lane = async () => {
        for (let v = next++; v < count; v = next++) {
          const part = letters.slice(v * VOLUME, (v + 1) * VOLUME);
          const title = `${letterTitle(plan.year)}合订本${count > 1 ? `第${v + 1}册` : ''}（${part.length}份）`;
          const doc = await prepareDocument({
            sqlite: ctx.sqlite,
            outDir: documentsDir(ctx.env.dataDir, 'combined', Number(date.slice(0, 4))),
            kind: 'combined',
            prefix: '合订本',
            year: Number(date.slice(0, 4)),
            title,
            seqOffset: v,
            numberFormat: (prefix, year, seq) => `${prefix}${year}-${seq}`,
            // 合订本2026-1-2026年度目标管理责任书第1册（100份）.docx: the number says 合订本, the name not again
            fileTitle: title.replace('合订本', ''),
            render: async () => ({ bytes: await volumeOf(ctx, title, part), model: part.map((l) => l.documentId) }),
          });
          discardUnlessCommitted(ctx, doc);
          volumes[v] = doc;
        }
      };
      await Promise.all(Array.from({ length: VOLUME_LANES }, lane));
      return { volumes, documentIds: letters.map((l) => l.documentId), plan };
    },
    (ctx, _input, p) => {
      // a letter regenerated or voided while the volumes were rendered: render them again
      const now = currentLetters(ctx.sqlite, p.plan.id).map((l) => l.documentId);
      if (now.length !== p.documentIds.length || !p.documentIds.every((id) => now.includes(id))) {
        throw new AppError('CONFLICT', '合订期间有责任书被重新生成或作废，请重试。', { retry: true });
      }
      const ids = p.volumes.map((doc) => {
        const documentId = registerDocument(ctx, doc, {
          subject: `letters:${p.plan.year}`,
          madeBy: ctx.caller.username,
        });
        return { documentId, fileName: doc.fileName, number: doc.number, sha256: doc.sha256 };
      });
      ctx.audit(`letters:${p.plan.year}`, { kind: 'combined', letters: p.documentIds.length, volumes: ids });
      return {
        documentId: ids[0]!.documentId,
        fileName: ids[0]!.fileName,
        letters: p.documentIds.length,
        volumes: ids.map(({ documentId, fileName }) => ({ documentId, fileName })),
      };
    },
  ),

  'letters.sign': (ctx, input) => {
    const { plan, unit, now, detail } = signLetter(ctx, mustPlan(ctx, input.planId), input);
    ctx.audit(`letter:${plan.year}:${unit.code}`, detail);
    return letterRowOf(unit, letterOf(ctx.sqlite, plan.id, unit.unitId), now);
  },
  'letters.unsign': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    requireRule(plan, 'letters');
    const unit = mustUnit(ctx, input.unitId);
    const letter = letterOf(ctx.sqlite, plan.id, unit.unitId);
    requireStep(ctx, letterLifecycle, letterStateOf(letter), 'unsign', { subject: `${unit.name}的`, fields: input });
    if (!letter) throw new AppError('NOT_FOUND', '没有找到这份责任书，请刷新。');
    signLetterRow(ctx.records, letter.id, null);
    ctx.audit(`letter:${plan.year}:${unit.code}`, { unsigned: letter.signedDate, reason: input.reason });
    return letterRowOf(
      unit,
      letterOf(ctx.sqlite, plan.id, unit.unitId),
      current(ctx, readBasicSettings(ctx), plan, unit),
    );
  },
};
