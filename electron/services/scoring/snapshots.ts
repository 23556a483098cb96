import { gunzipSync, gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import {
  type ScoreEntry,
  type ScoringRules,
  type ScoringUnit,
  type UnitScore,
  type YearScores,
  scoreYear,
} from '../../core';
import type { RecordWriter } from '../../../db/records';
import type { PlanRecord } from '../../../db/repos/plans';
import {
  type Correction,
  insertSnapshotRow,
  latestSnapshot,
  type ObjectionRecord,
  type SnapshotHead,
  snapshotData,
} from '../../../db/repos/publication';
import { memoRead } from '../../../db/read-memo';
import { scoringRulesOf } from './rules';
import type { RuleTableVersion } from './sources';
import { computeYear, scoringIndicators, yearInputs } from './year';

/**
 * Frozen results: what a snapshot keeps, how the first is made (冻结) and how a later one is made after an upheld
 * objection — the previous snapshot with only the objected unit scored again, then every unit ranked and graded again
 * with the rules the first was made with. Nothing else writes a snapshot; nothing rewrites one (a trigger refuses).
 */

export interface SnapshotContent {
  scores: YearScores;
  ruleTables: RuleTableVersion[];
  /** The rules it was ranked and graded with, so a re-score after an objection ranks the same way. */
  rules: ScoringRules;
}

export const encodeSnapshot = (c: SnapshotContent): Buffer => gzipSync(Buffer.from(JSON.stringify(c)));

/** A snapshot's content, decoded once per connection (a snapshot never changes, so its uuid is its stamp). */
export function readSnapshot(sqlite: Database.Database, head: Pick<SnapshotHead, 'id' | 'uuid'>): SnapshotContent {
  return memoRead(
    sqlite,
    `snapshot:${head.id}`,
    () => JSON.parse(gunzipSync(snapshotData(sqlite, head.id)).toString('utf8')) as SnapshotContent,
    head.uuid,
  );
}

export type FreezeOutcome = { ok: true; head: SnapshotHead } | { ok: false; problems: string[]; incomplete?: string[] };

const incompleteOf = (units: UnitScore[]) => units.filter((u) => !u.complete).map((u) => u.name);

/**
 * The first freeze: the year as computed now. Refused while the computation has problems or a grade is undecided;
 * refused
 * while a unit has a base item without a score unless the office gives its reason for freezing all the same.
 */
export function freezeResults(
  sqlite: Database.Database,
  w: RecordWriter,
  plan: PlanRecord,
  o: { by: string; incompleteReason?: string; today: string },
): FreezeOutcome {
  const rules = scoringRulesOf(sqlite, plan);
  const r = computeYear(sqlite, plan, rules, o.today);
  if (!r.ok) return r;
  if (r.value.units.length === 0) return { ok: false, problems: ['本方案还没有被考核单位，无法冻结。'] };
  if (r.value.gradeProblems.length) return { ok: false, problems: r.value.gradeProblems };
  const incomplete = incompleteOf(r.value.units);
  const reason = o.incompleteReason?.trim() || null;
  if (incomplete.length && !reason) return { ok: false, problems: [], incomplete };
  const content: SnapshotContent = { scores: r.value, ruleTables: r.inputs.ruleTables, rules };
  const head = insertSnapshot(sqlite, w, plan, content, {
    by: o.by,
    reason: '首次冻结',
    incompleteReason: incomplete.length ? reason : null,
    objectionId: null,
  });
  return { ok: true, head };
}

function insertSnapshot(
  sqlite: Database.Database,
  w: RecordWriter,
  plan: PlanRecord,
  content: SnapshotContent,
  o: { by: string; reason: string; incompleteReason: string | null; objectionId: number | null },
): SnapshotHead {
  const no = (latestSnapshot(sqlite, plan.id)?.no ?? 0) + 1;
  insertSnapshotRow(
    w,
    {
      planId: plan.id,
      data: encodeSnapshot(content),
      unitCount: content.scores.units.length,
      reason: o.reason,
      incompleteReason: o.incompleteReason,
      objectionId: o.objectionId,
      madeBy: o.by,
      madeAt: w.now,
    },
    no,
  );
  return latestSnapshot(sqlite, plan.id)!;
}

const keyOf = (e: { indicatorId: number; targetId?: number | null }) => `${e.indicatorId}:${e.targetId ?? ''}`;

/** A frozen unit's lines as the entries they were computed from. */
function entriesOfUnit(u: UnitScore): ScoreEntry[] {
  return u.lines
    .filter((l) => l.input !== null)
    .map((l) => ({
      unitId: u.unitId,
      indicatorId: l.indicatorId,
      // a target's own points; an item's come from the item (0 for a veto item, which the check would refuse)
      ...(l.targetId !== null ? { targetId: l.targetId, points: l.points } : {}),
      input: l.input!,
      ...(l.source !== null ? { source: l.source } : {}),
      ...(l.refs !== null ? { refs: l.refs } : {}),
    }));
}

/**
 * The entries a re-scored unit is computed from: its frozen entries, then what its sources give now (a body's
 * corrected entry through the normal entry path, a record corrected since), then the corrections recorded with the
 * objection — later ones replace earlier ones line by line.
 */
export function rescoreEntries(
  sqlite: Database.Database,
  plan: PlanRecord,
  frozen: UnitScore,
  objection: Pick<ObjectionRecord, 'no'> & { corrections: Correction[] },
  today: string,
): ScoreEntry[] {
  const byKey = new Map<string, ScoreEntry>();
  for (const e of entriesOfUnit(frozen)) byKey.set(keyOf(e), e);
  for (const e of yearInputs(sqlite, plan, today).entries) if (e.unitId === frozen.unitId) byKey.set(keyOf(e), e);
  for (const c of objection.corrections) {
    const was = byKey.get(keyOf(c));
    byKey.set(keyOf(c), {
      unitId: frozen.unitId,
      indicatorId: c.indicatorId,
      ...(c.targetId !== null ? { targetId: c.targetId } : {}),
      ...(was?.points !== undefined ? { points: was.points } : {}),
      input: c.input as ScoreEntry['input'],
      source: `异议第${objection.no}号更正`,
    });
  }
  return [...byKey.values()];
}

const unitOf = (u: UnitScore): ScoringUnit => ({
  id: u.unitId,
  code: u.code,
  name: u.name,
  categoryId: u.categoryId,
  categoryName: u.categoryName,
});

/** The year with one unit re-scored: the other units as in the previous snapshot, all ranked and graded again. */
export function rescoredYear(
  sqlite: Database.Database,
  plan: PlanRecord,
  previous: SnapshotContent,
  unitId: number,
  objection: Pick<ObjectionRecord, 'no'> & { corrections: Correction[] },
  today: string,
): ReturnType<typeof scoreYear> {
  const frozen = previous.scores.units.find((u) => u.unitId === unitId);
  if (!frozen) return { ok: false, problems: ['该单位不在冻结的考核结果中。'] };
  const entries = previous.scores.units.flatMap((u) =>
    u.unitId === unitId ? rescoreEntries(sqlite, plan, frozen, objection, today) : entriesOfUnit(u),
  );
  const { list, version } = scoringIndicators(sqlite, plan.id);
  return scoreYear(list, previous.scores.units.map(unitOf), entries, previous.rules, version);
}

/** The snapshot after an upheld objection's re-scoring, with the objection and its answer as its reason. */
export function refreezeAfterObjection(
  sqlite: Database.Database,
  w: RecordWriter,
  plan: PlanRecord,
  objection: ObjectionRecord,
  by: string,
  today: string,
): { ok: true; head: SnapshotHead; before: UnitScore; after: UnitScore } | { ok: false; problems: string[] } {
  const prevHead = latestSnapshot(sqlite, plan.id);
  if (!prevHead) return { ok: false, problems: ['评分结果尚未冻结。'] };
  const previous = readSnapshot(sqlite, prevHead);
  const r = rescoredYear(sqlite, plan, previous, objection.unitId!, objection, today);
  if (!r.ok) return r;
  if (r.value.gradeProblems.length) return { ok: false, problems: r.value.gradeProblems };
  const reason = `异议第${objection.no}号成立（${objection.unitName ?? ''}）：${objection.answer ?? ''}`;
  const head = insertSnapshot(
    sqlite,
    w,
    plan,
    { scores: r.value, ruleTables: previous.ruleTables, rules: previous.rules },
    { by, reason, incompleteReason: null, objectionId: objection.id },
  );
  return {
    ok: true,
    head,
    before: previous.scores.units.find((u) => u.unitId === objection.unitId)!,
    after: r.value.units.find((u) => u.unitId === objection.unitId)!,
  };
}
