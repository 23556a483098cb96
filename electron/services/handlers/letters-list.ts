import { countOf, memoRead } from '../../../db/read-memo';
import { type LetterRecord, lettersOf } from '../../../db/repos/letters';
import { type UnitFacts, unitFacts } from '../../../db/repos/org';
import { type PlanRecord, targetChangeSpan, targetUnitIds, unitsWithTargetChangesAfter } from '../../../db/repos/plans';
import type { HandlerContext, Handlers } from '../handler';
import {
  type LetterFacts,
  letterFacts,
  letterFingerprint,
  letterInputFor,
  letterProblems,
  targetsByUnit,
} from '../plans/letter-input';
import { mustPlan } from './plans';
import { readBasicSettings, type Settings } from './settings';

/** The units a plan's letters concern: those with targets, and any that already have a letter. */
export function planUnits(
  ctx: Pick<HandlerContext, 'sqlite'>,
  plan: PlanRecord,
  letters = lettersOf(ctx.sqlite, plan.id),
): UnitFacts[] {
  const ids = new Set([...targetUnitIds(ctx.sqlite, plan.id), ...letters.map((l) => l.unitId)]);
  return unitFacts(ctx.sqlite).filter((u) => ids.has(u.unitId));
}

/** What the unit's letter would print now, its fingerprint and what blocks it. */
export function current(
  ctx: Pick<HandlerContext, 'sqlite'>,
  settings: Settings,
  plan: PlanRecord,
  unit: UnitFacts,
  facts?: LetterFacts,
  number = '',
  date = '',
) {
  const { input, targets } = letterInputFor(ctx.sqlite, settings, plan, unit, { number, date }, facts);
  return { input, targets, fingerprint: letterFingerprint(input), ...letterProblems(plan, unit, targets) };
}

/** What a row of the letters list says of what the letter would print now (not the letter itself). */
export interface LetterNow {
  targets: number;
  /** The base points of the unit's targets (common and specific). */
  points: number;
  blockers: string[];
  warnings: string[];
  fingerprint: string;
}

export const nowOf = (c: ReturnType<typeof current>): LetterNow => ({
  targets: c.targets.length,
  points:
    c.targets
      .filter((t) => t.kind === 'common' || t.kind === 'specific')
      .reduce((a, t) => a + Math.round(t.points * 100), 0) / 100,
  blockers: c.blockers,
  warnings: c.warnings,
  fingerprint: c.fingerprint,
});

export function letterRowOf(unit: UnitFacts, letter: LetterRecord | undefined, now: LetterNow) {
  return {
    unitId: unit.unitId,
    unitCode: unit.code,
    unitName: unit.name,
    categoryName: unit.categoryName,
    targets: now.targets,
    points: now.points,
    head: unit.head?.name ?? null,
    blockers: now.blockers,
    warnings: now.warnings,
    documentId: letter?.documentId ?? null,
    number: letter?.number ?? null,
    generatedAt: letter?.generatedAt ?? null,
    voided: letter?.voided ?? false,
    // anything the letter prints changed since: targets added, edited or removed, indicators, the plan, the clauses
    stale: !!letter?.documentId && !letter.voided && !letter.signedDate && letter.fingerprint !== now.fingerprint,
    signedDate: letter?.signedDate ?? null,
    partyASigner: letter?.partyASigner ?? null,
    partyBSigner: letter?.partyBSigner ?? null,
  };
}

/**
 * What every unit's letter would print now, worked out from the plan's inputs (two queries for the targets and
 * indicators, whatever the number of units) and kept until one of the tables they come from is written — the
 * letter_inputs counter SQLite's triggers raise (migration 0013). Targets are followed more closely: their triggers
 * log which units' targets were written, and only those units are read and worked out again. Generating or signing
 * letters moves neither.
 */
function inputsNow(ctx: HandlerContext, plan: PlanRecord) {
  const state = memoRead(
    ctx.sqlite,
    `letters.inputs:${plan.id}`,
    () => {
      // the log's end before the targets are read: a write in between is read again, never missed
      const seq = targetChangeSpan(ctx.sqlite).last;
      const settings = readBasicSettings(ctx);
      const facts = letterFacts(ctx.sqlite, plan.id);
      const now = new Map<number, LetterNow>();
      return {
        seq,
        facts,
        now,
        units: unitFacts(ctx.sqlite),
        // a unit's when first asked for: most units of a city are listed, those without targets only with a letter
        of(u: UnitFacts): LetterNow {
          let n = now.get(u.unitId);
          if (!n) now.set(u.unitId, (n = nowOf(current(ctx, settings, plan, u, facts))));
          return n;
        },
      };
    },
    countOf(ctx.sqlite, 'letter_inputs'),
  );
  const { last, oldest } = targetChangeSpan(ctx.sqlite);
  if (last !== state.seq) {
    // the log no longer reaches back to what was read (more than 5,000 writes since): all targets read again
    const changed = state.seq < oldest - 1 ? null : unitsWithTargetChangesAfter(ctx.sqlite, state.seq);
    const fresh = targetsByUnit(ctx.sqlite, plan.id, changed ?? undefined);
    if (!changed) state.facts.targets.clear();
    for (const u of changed ?? []) state.facts.targets.delete(u);
    for (const [u, t] of fresh) state.facts.targets.set(u, t);
    if (changed) changed.forEach((u) => state.now.delete(u));
    else state.now.clear();
    state.seq = last;
  }
  return state;
}

export const lettersListHandlers: Handlers<'letters.list'> = {
  'letters.list': (ctx, input) => {
    const plan = mustPlan(ctx, input.planId);
    // the list as answered is kept until anything in the database changes; the letters are read again after a letter
    // is generated or signed, what they would print only after what it is made from changed
    return memoRead(ctx.sqlite, `letters.list:${plan.id}`, () => {
      const inputs = inputsNow(ctx, plan);
      const letters = new Map(lettersOf(ctx.sqlite, plan.id).map((l) => [l.unitId, l]));
      return inputs.units
        .filter((u) => inputs.facts.targets.has(u.unitId) || letters.has(u.unitId))
        .map((u) => letterRowOf(u, letters.get(u.unitId), inputs.of(u)));
    });
  },
};
