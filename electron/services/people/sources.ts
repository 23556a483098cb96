import type Database from 'better-sqlite3';
import type { ArchiveLine, PersonMeasure } from '../../core/person-facts';
import { accountabilityArchiveLines, accountabilityMeasures } from '../accountability/person-facts';
import { supervisionArchiveLines } from '../supervision/archive-lines';
import { gradeArchiveLines, measureArchiveLines, postArchiveLines, registerMeasures } from './own-sources';
import { trainingArchiveLines } from './training-source';

/**
 * Where the people module learns what the registers know of a person: the measures that limit a grade, and the
 * lines of the archive. Each register adds its function here (one line); the people module reads the lists only.
 */
export const measureSources: ((db: Database.Database, year: number) => PersonMeasure[])[] = [
  registerMeasures,
  accountabilityMeasures,
];

export const archiveSources: ((db: Database.Database, personId: number) => ArchiveLine[])[] = [
  postArchiveLines,
  gradeArchiveLines,
  measureArchiveLines,
  trainingArchiveLines,
  accountabilityArchiveLines,
  supervisionArchiveLines,
];

/** Every measure decided up to the end of the year, from every source, by person. */
export function measuresByPerson(db: Database.Database, year: number): Map<number, PersonMeasure[]> {
  const out = new Map<number, PersonMeasure[]>();
  for (const source of measureSources)
    for (const m of source(db, year)) {
      const l = out.get(m.personId);
      if (l) l.push(m);
      else out.set(m.personId, [m]);
    }
  return out;
}

/** A person's archive from every source, the latest first. */
export const archiveOf = (db: Database.Database, personId: number): ArchiveLine[] =>
  archiveSources.flatMap((s) => s(db, personId)).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
