import { createHash } from 'node:crypto';

/**
 * Heavy corpora (hostile inputs over every transport, bit flips through a file, large volumes)
 * run a fixed sample in `npm test` and whole in `npm run test:full`, which sets KAOPING_FULL=1.
 * The sample is chosen by a hash of each case's label, not by position or chance: it is the same
 * on every run and machine, and adding a case elsewhere does not reshuffle it.
 */
export const FULL = process.env.KAOPING_FULL === '1';

/** A count for the sampled run and one for the full run. */
export function sized(sample: number, full: number): number {
  return FULL ? full : sample;
}

function bucket(label: string, buckets: number): number {
  return createHash('sha1').update(label).digest().readUInt32BE(0) % buckets;
}

/**
 * About one case in `every`, chosen by label; `group` keeps at least the first case of each group
 * (e.g. every channel), so the sample still reaches everything the corpus reaches.
 */
export function sampled<T>(
  cases: readonly T[],
  opts: { every: number; label: (c: T) => string; group?: (c: T) => string },
): T[] {
  if (FULL || opts.every <= 1) return [...cases];
  const seen = new Set<string>();
  return cases.filter((c) => {
    const g = opts.group?.(c);
    const first = g !== undefined && !seen.has(g);
    if (g !== undefined) seen.add(g);
    return first || bucket(opts.label(c), opts.every) === 0;
  });
}
