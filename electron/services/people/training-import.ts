import type Database from 'better-sqlite3';
import { attendanceOf, peopleForMatching } from '../../../db/repos/training';
import type { ImportPlan, ImportRowResult } from '../excel/unit-import';
import { type ColumnSpec, readTable } from '../excel/table';
import { readWorkbook } from '../excel/workbook';

type Key = 'code' | 'name' | 'unit' | 'hours';
export const attendanceColumns: ColumnSpec<Key>[] = [
  { key: 'code', names: ['人员编号', '编号'] },
  { key: 'name', names: ['姓名'], required: true },
  { key: 'unit', names: ['单位', '单位名称', '单位代码', '所在单位'] },
  { key: 'hours', names: ['学时', '培训学时'] },
];
const header = (k: Key) => attendanceColumns.find((c) => c.key === k)!.names[0]!;

export interface AttendanceItem {
  personId: number;
  hours: number;
}

/**
 * Reads an attendance sheet against the people: each row finds one person (by 人员编号, else by name within the
 * unit named) and the hours (the course's when the cell is empty). Every problem names its row and column.
 */
export async function planAttendanceImport(
  db: Database.Database,
  trainingId: number,
  courseHours: number,
  fileName: string,
  bytes: Buffer,
): Promise<ImportPlan<AttendanceItem>> {
  const table = readTable(await readWorkbook(fileName, bytes), attendanceColumns, '参加人员');
  if (table.fatal)
    return {
      rows: [{ row: 0, key: '', name: '', status: 'error', messages: [{ column: '', message: table.fatal }] }],
      notices: table.notices,
      items: [],
      sheet: table.sheet,
    };
  const people = peopleForMatching(db);
  const byCode = new Map(people.filter((p) => p.code).map((p) => [p.code!, p]));
  const current = new Map(attendanceOf(db, trainingId).map((a) => [a.personId, a.hours]));
  const seen = new Map<number, number>();
  const rows: ImportRowResult[] = [];
  const items: AttendanceItem[] = [];
  for (const r of table.rows) {
    const t = r.text;
    const messages = [...r.problems];
    let person: (typeof people)[number] | undefined;
    if (t.code) {
      person = byCode.get(t.code);
      if (!person) messages.push({ column: header('code'), message: `找不到人员编号为“${t.code}”的人员` });
    } else if (t.name) {
      const named = people.filter(
        (p) => p.name === t.name && (!t.unit || p.unitName === t.unit || p.unitCode === t.unit),
      );
      if (named.length === 0)
        messages.push({
          column: header('name'),
          message: `找不到人员“${t.name}”${t.unit ? `（单位“${t.unit}”）` : ''}`,
        });
      else if (named.length > 1)
        messages.push({
          column: header('name'),
          message: `有 ${named.length} 名人员叫“${t.name}”，请填写人员编号或单位`,
        });
      else person = named[0];
    } else messages.push({ column: header('name'), message: '请填写姓名' });
    let hours = courseHours;
    if (t.hours) {
      const n = Number(t.hours.replace(/学时$/, '').trim());
      if (!Number.isFinite(n)) messages.push({ column: header('hours'), message: `“${t.hours}”不是数字` });
      else if (n <= 0 || n > 1000) messages.push({ column: header('hours'), message: '学时应大于 0、不超过 1000' });
      else hours = n;
    }
    if (person && seen.has(person.id))
      messages.push({ column: header('name'), message: `与第 ${seen.get(person.id)} 行是同一人` });
    if (person) seen.set(person.id, r.row);
    const key = t.code || t.name;
    if (messages.length || !person) {
      rows.push({ row: r.row, key, name: t.name, status: 'error', messages });
      continue;
    }
    const before = current.get(person.id);
    rows.push({
      row: r.row,
      key,
      name: person.name,
      status: before === undefined ? 'create' : before === hours ? 'same' : 'update',
      messages: [],
    });
    items.push({ personId: person.id, hours });
  }
  return { rows, notices: table.notices, items, sheet: table.sheet };
}
