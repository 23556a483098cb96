import type Database from 'better-sqlite3';
import type { ArchiveLine } from '../../core/person-facts';
import { trainingCategory, type ValueOf } from '../../vocab';
import { trainingsOfPerson } from '../../../db/repos/training';

const categoryOf = (c: string) => trainingCategory.label(c as ValueOf<typeof trainingCategory>);

/** The trainings a person attended, as archive lines. */
export const trainingArchiveLines = (db: Database.Database, personId: number): ArchiveLine[] =>
  trainingsOfPerson(db, personId).map((t) => ({
    personId,
    section: 'training',
    date: t.startDate,
    title: t.title,
    detail: `${categoryOf(t.category)}，${t.startDate} 至 ${t.endDate}，${t.hours} 学时`,
    restricted: false,
    source: { kind: 'training', uuid: t.uuid, label: '培训记录' },
  }));
