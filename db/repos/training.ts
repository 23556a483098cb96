import type Database from 'better-sqlite3';
import type { RecordWriter } from '../records';

/** Training courses (seed 四.3) and who attended them, with the hours credited. */

export interface TrainingRecord {
  id: number;
  uuid: string;
  title: string;
  category: string;
  organizer: string;
  startDate: string;
  endDate: string;
  hours: number;
  attendees: number;
}

const cols = `t.id, t.uuid, t.title, t.category, t.organizer, t.start_date as startDate, t.end_date as endDate,
  t.hours,
  (select count(*) from training_attendance a where a.training_id = t.id and a.deleted_at is null) as attendees`;

export const listTrainings = (db: Database.Database, year: number) =>
  db
    .prepare(
      `select ${cols} from trainings t where t.deleted_at is null and substr(t.start_date, 1, 4) = ?
       order by t.start_date desc, t.id desc`,
    )
    .all(String(year)) as TrainingRecord[];

export const trainingById = (db: Database.Database, id: number) =>
  db.prepare(`select ${cols} from trainings t where t.id = ? and t.deleted_at is null`).get(id) as
    TrainingRecord | undefined;

export interface TrainingRow {
  title: string;
  category: string;
  organizer: string;
  startDate: string;
  endDate: string;
  hours: number;
}

const values = (t: TrainingRow) => ({
  title: t.title,
  category: t.category,
  organizer: t.organizer,
  start_date: t.startDate,
  end_date: t.endDate,
  hours: t.hours,
});

export const insertTraining = (w: RecordWriter, t: TrainingRow) => w.insert('trainings', values(t));
export const updateTraining = (w: RecordWriter, id: number, t: TrainingRow) => w.update('trainings', id, values(t));
export function removeTraining(w: RecordWriter, id: number) {
  w.remove('training_attendance', { training_id: id });
  return w.remove('trainings', id);
}

export interface AttendanceRecord {
  id: number;
  personId: number;
  name: string;
  code: string | null;
  unitName: string;
  hours: number;
}

export const attendanceOf = (db: Database.Database, trainingId: number) =>
  db
    .prepare(
      `select a.id, a.person_id as personId, p.name, p.code, u.name as unitName, a.hours
       from training_attendance a join people p on p.id = a.person_id join units u on u.id = p.unit_id
       where a.training_id = ? and a.deleted_at is null order by u.sort_order, u.code, p.id`,
    )
    .all(trainingId) as AttendanceRecord[];

export const attend = (w: RecordWriter, trainingId: number, personId: number, hours: number) =>
  w.upsert('training_attendance', { training_id: trainingId, person_id: personId }, { hours });
export const unattend = (w: RecordWriter, trainingId: number, personId: number) =>
  w.remove('training_attendance', { training_id: trainingId, person_id: personId });

/** A person's trainings, the latest first. */
export const trainingsOfPerson = (db: Database.Database, personId: number) =>
  db
    .prepare(
      `select t.uuid, t.title, t.category, t.start_date as startDate, t.end_date as endDate, a.hours
       from training_attendance a join trainings t on t.id = a.training_id
       where a.person_id = ? and a.deleted_at is null and t.deleted_at is null order by t.start_date desc`,
    )
    .all(personId) as {
    uuid: string;
    title: string;
    category: string;
    startDate: string;
    endDate: string;
    hours: number;
  }[];

/** Hours of the year by person, for every active person (0 when none), with their unit. */
export const hoursOfYear = (db: Database.Database, year: number) =>
  db
    .prepare(
      `select p.id as personId, p.name, p.unit_id as unitId, u.name as unitName,
         coalesce((select sum(a.hours) from training_attendance a join trainings t on t.id = a.training_id
           where a.person_id = p.id and a.deleted_at is null and t.deleted_at is null
             and substr(t.start_date, 1, 4) = ?), 0) as hours
       from people p join units u on u.id = p.unit_id where p.deleted_at is null and p.active = 1
       order by u.sort_order, u.code, p.id`,
    )
    .all(String(year)) as { personId: number; name: string; unitId: number; unitName: string; hours: number }[];

/** The people an attendance file may name: by 人员编号, by name, with their unit's name and code. */
export const peopleForMatching = (db: Database.Database) =>
  db
    .prepare(
      `select p.id, p.code, p.name, u.name as unitName, u.code as unitCode from people p
       join units u on u.id = p.unit_id where p.deleted_at is null`,
    )
    .all() as { id: number; code: string | null; name: string; unitName: string; unitCode: string }[];
