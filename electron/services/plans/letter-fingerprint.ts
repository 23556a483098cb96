import { createHash } from 'node:crypto';
import type { LetterInput, LetterItem } from '../../core';
import type { LetterTarget } from '../../../db/repos/plans';
import type { UnitFacts } from '../../../db/repos/org';

/**
 * A letter's fingerprint: what it prints apart from its number and date. A letter whose stored fingerprint differs from
 * the one worked out now is out of date (the list marks it, signing refuses it, the batch makes it again).
 *
 * v2 (stored as 'v2:' + 64 hex) is made of parts hashed on their own, so that a change to what all the plan's letters
 * share hashes a few bytes per letter, not each letter's whole text: what every letter of the plan prints alike (the
 * header: issuer, plan, clauses …), the indicators the letter prints (one hash per distinct set of them, shared by all
 * units that print that set), and the unit's own (its name, head, targets and their leaders' names).
 *
 * v1 (the bare 64 hex of earlier releases) hashed the whole input as one JSON text; letters stored that way keep being
 * compared the same way (sameLetter), so no letter turns out of date only because this release came.
 */

/** What every letter of a plan prints alike: the input without the unit, its head, its items, number and date. */
export type LetterHeader = Omit<LetterInput, 'number' | 'date' | 'unit' | 'head' | 'items'>;
/** An item as printed without its targets: the indicator's part, the same in every letter that prints it. */
export type PrintedIndicator = Omit<LetterItem, 'targets'>;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export const V2 = 'v2:';

/** The fingerprint letters made by earlier releases stored. Pinned by a golden test: it must never drift. */
export const fingerprintV1 = (input: LetterInput): string => sha(JSON.stringify({ ...input, number: '', date: '' }));

export const headerPart = (h: LetterHeader): string => sha(JSON.stringify(h));

export const indicatorsPart = (printed: PrintedIndicator[]): string => sha(JSON.stringify(printed));

/** A unit's targets as they print (in order, with their indicator), their leaders apart: kept while they are. */
export const targetsDigest = (all: LetterTarget[]): string =>
  sha(
    JSON.stringify(
      all.map((t) => [t.indicatorId, t.content, t.targetValue, t.measureUnit, t.points, t.isKey, t.isMajor]),
    ),
  );

export const unitPart = (unit: Pick<UnitFacts, 'name' | 'head'>, targets: string, leaders: (string | null)[]): string =>
  sha(JSON.stringify([unit.name, unit.head, targets, leaders]));

export const fingerprintV2 = (header: string, indicators: string, unit: string): string =>
  V2 + sha(header + indicators + unit);

/** What a letter would print now, as far as its fingerprint goes: v2, and v1 worked out only when asked. */
export interface LetterPrint {
  fingerprint: string;
  v1: () => string;
}

/** Whether a letter stored with `stored` (v1 or v2; none: never) prints what it would print now. */
export const sameLetter = (stored: string | null, now: LetterPrint): boolean =>
  stored === null ? false : stored.startsWith(V2) ? stored === now.fingerprint : stored === now.v1();
