import { countOf, memoRead } from '../../../db/read-memo';
import { type LetterRecord, lettersOf } from '../../../db/repos/letters';
import { type UnitFacts, unitFacts } from '../../../db/repos/org';
import {
  type PlanRecord,
  targetChangeSpan,
  targetLeaderNames,
  targetUnitIds,
  unitsWithTargetChangesAfter,
} from '../../../db/repos/plans';
import type { HandlerContext, Handlers } from '../handler';
import { fingerprintV1, sameLetter } from '../plans/letter-fingerprint';
import {
  type LetterFacts,
  type LetterNow,
  type LetterRun,
  type UnitTargets,
  letterFacts,
  letterInputOf,
  letterNow,
  letterRun,
  planFacts,
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

/**
 * What the unit's letter would print now, its fingerprint and what blocks it; `run` carries what a call reads once for
 * many letters (the unit's own facts are read when it is not given).
 */
export function current(
  ctx: Pick<HandlerContext, 'sqlite'>,
  settings: Settings,
  plan: PlanRecord,
  unit: UnitFacts,
  run = letterRun(ctx.sqlite, settings, plan, letterFacts(ctx.sqlite, plan.id, [unit.unitId])),
  number = '',
  date = '',
) {
  const input = letterInputOf(run, unit, { number, date });
  return { ...letterNow(run, unit), input, v1: () => fingerprintV1(input) };
}

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
    stale: !!letter?.documentId && !letter.voided && !letter.signedDate && !sameLetter(letter.fingerprint, now),
    signedDate: letter?.signedDate ?? null,
    partyASigner: letter?.partyASigner ?? null,
    partyBSigner: letter?.partyBSigner ?? null,
  };
}

/**
 * The plan's targets as its letters print them, kept across every write but to the targets themselves (they are read
 * without indicators, people or settings, so nothing else can change them): read once, then followed through the log
 * migration 0013's triggers keep of which units' targets were written — only those units are read again.
 */
function targetsNow(ctx: HandlerContext, plan: PlanRecord): LetterFacts['targets'] {
  const state = memoRead(
    ctx.sqlite,
    `letters.targets:${plan.id}`,
    // the log's end before the targets are read: a write in between is read again, never missed
    () => ({ seq: targetChangeSpan(ctx.sqlite).last, targets: targetsByUnit(ctx.sqlite, plan.id) }),
    'followed by the log',
  );
  const { last, oldest } = targetChangeSpan(ctx.sqlite);
  if (last !== state.seq) {
    // the log no longer reaches back to what was read (more than 5,000 writes since): all targets read again
    const outrun = last < state.seq || state.seq < oldest - 1;
    const changed = outrun ? undefined : unitsWithTargetChangesAfter(ctx.sqlite, state.seq);
    const fresh = targetsByUnit(ctx.sqlite, plan.id, changed);
    if (outrun) state.targets.clear();
    for (const u of changed ?? []) state.targets.delete(u);
    // new objects for the units read again: what was worked out from the old ones is known to be out of date
    for (const [u, t] of fresh) state.targets.set(u, t);
    state.seq = last;
  }
  return state.targets;
}

/**
 * What the letters print of their units, kept until a unit, person or category is written (the letter_org counter,
 * migration 0014): the units, the leaders' names, and each unit's own part of its letter's fingerprint.
 */
function orgNow(ctx: HandlerContext, plan: PlanRecord) {
  return memoRead(
    ctx.sqlite,
    `letters.org:${plan.id}`,
    () => ({
      units: unitFacts(ctx.sqlite),
      leaders: targetLeaderNames(ctx.sqlite, plan.id),
      own: new Map() as NonNullable<LetterRun['own']>,
    }),
    countOf(ctx.sqlite, 'letter_org'),
  );
}

/**
 * What every unit's letter would print now, worked out from the plan's inputs and kept until one of the tables
 * behind them is written — the letter_inputs counter SQLite's triggers raise (migration 0013) — or, for a unit, until
 * its targets are. After a change to what every letter shares (a clause, a setting, an indicator) the targets, the
 * units and each unit's part of its fingerprint are kept: the shared parts are hashed once and each letter's
 * fingerprint made of them (letter-fingerprint.ts). Generating or signing letters moves neither.
 */
function inputsNow(ctx: HandlerContext, plan: PlanRecord) {
  const targets = targetsNow(ctx, plan);
  const org = orgNow(ctx, plan);
  const state = memoRead(
    ctx.sqlite,
    `letters.inputs:${plan.id}`,
    () => {
      const facts = { ...planFacts(ctx.sqlite, plan.id), targets, leaders: org.leaders };
      const run = letterRun(ctx.sqlite, readBasicSettings(ctx), plan, facts, org.own);
      const now = new Map<number, { from: UnitTargets | undefined; now: LetterNow }>();
      return {
        run,
        units: org.units,
        // a unit's when first asked for: most units of a city are listed, those without targets only with a letter
        of(u: UnitFacts): LetterNow {
          const from = run.facts.targets.get(u.unitId);
          let n = now.get(u.unitId);
          if (n?.from !== from || !n) now.set(u.unitId, (n = { from, now: letterNow(run, u) }));
          return n.now;
        },
      };
    },
    // letter_inputs moves with letter_org too: the org read above is the one this state was made with
    countOf(ctx.sqlite, 'letter_inputs'),
  );
  state.run.facts.targets = targets;
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
        .filter((u) => inputs.run.facts.targets.has(u.unitId) || letters.has(u.unitId))
        .map((u) => letterRowOf(u, letters.get(u.unitId), inputs.of(u)));
    });
  },
};
