import type Database from 'better-sqlite3';
import { measureCategory, type ValueOf } from '../../vocab';
import type { MeasureRow } from '../../../db/repos/staff';
import { peopleForMatching } from '../../../db/repos/training';
import type { ImportPlan, ImportRowResult } from '../excel/unit-import';
import { type ColumnSpec, readTable } from '../excel/table';
import { readWorkbook } from '../excel/workbook';

type Key = 'code' | 'name' | 'unit' | 'category' | 'measure' | 'body' | 'decidedOn' | 'effectUntil' | 'docNo' | 'note';
export const measureColumns: ColumnSpec<Key>[] = [
  { key: 'code', names: ['人员编号', '编号'] },
  { key: 'name', names: ['姓名'], required: true },
  { key: 'unit', names: ['单位', '单位名称', '单位代码'] },
  { key: 'category', names: ['类别'], required: true },
  { key: 'measure', names: ['处分或处理', '处分', '处理'], required: true },
  { key: 'body', names: ['决定机关'], required: true },
  { key: 'decidedOn', names: ['决定日期'], required: true },
  { key: 'effectUntil', names: ['影响期至', '影响期截止日'] },
  { key: 'docNo', names: ['文号'] },
  { key: 'note', names: ['备注'] },
];
const header = (k: Key) => measureColumns.find((c) => c.key === k)!.names[0]!;
const categories = new Map(measureCategory.values.map((v) => [measureCategory.labels[v], v]));

/** 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日 → 2026-03-02; null when it is none of these. */
function dateOf(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

/** Reads a register sheet: each row one person (by 人员编号, or by name within the unit) and one measure. */
export async function planMeasureImport(
  db: Database.Database,
  fileName: string,
  bytes: Buffer,
): Promise<ImportPlan<MeasureRow>> {
  const table = readTable(await readWorkbook(fileName, bytes), measureColumns, '处分与组织处理');
  if (table.fatal)
    return {
      rows: [{ row: 0, key: '', name: '', status: 'error', messages: [{ column: '', message: table.fatal }] }],
      notices: table.notices,
      items: [],
      sheet: table.sheet,
    };
  const people = peopleForMatching(db);
  const byCode = new Map(people.filter((p) => p.code).map((p) => [p.code!, p]));
  const rows: ImportRowResult[] = [];
  const items: MeasureRow[] = [];
  for (const r of table.rows) {
    const t = r.text;
    const messages = [...r.problems];
    const named = t.code
      ? [byCode.get(t.code)].filter((p) => p !== undefined)
      : people.filter((p) => p.name === t.name && (!t.unit || p.unitName === t.unit || p.unitCode === t.unit));
    if (named.length === 0)
      messages.push(
        t.code
          ? { column: header('code'), message: `找不到人员编号为“${t.code}”的人员` }
          : { column: header('name'), message: `找不到人员“${t.name}”${t.unit ? `（单位“${t.unit}”）` : ''}` },
      );
    else if (named.length > 1)
      messages.push({
        column: header('name'),
        message: `有 ${named.length} 名人员叫“${t.name}”，请填写人员编号或单位`,
      });
    const category = categories.get(t.category);
    if (!category) messages.push({ column: header('category'), message: `只能是${[...categories.keys()].join('、')}` });
    if (!t.measure) messages.push({ column: header('measure'), message: '请填写处分或处理' });
    if (!t.body) messages.push({ column: header('body'), message: '请填写决定机关' });
    const decidedOn = dateOf(t.decidedOn);
    if (!decidedOn)
      messages.push({ column: header('decidedOn'), message: `“${t.decidedOn}”不是日期（如 2026-03-02）` });
    const effectUntil = t.effectUntil ? dateOf(t.effectUntil) : null;
    if (t.effectUntil && !effectUntil)
      messages.push({ column: header('effectUntil'), message: `“${t.effectUntil}”不是日期（如 2027-03-01）` });
    else if (effectUntil && decidedOn && effectUntil < decidedOn)
      messages.push({ column: header('effectUntil'), message: '不能早于决定日期' });
    const person = named.length === 1 ? named[0]! : undefined;
    if (messages.length || !person || !category || !decidedOn) {
      rows.push({ row: r.row, key: t.code || t.name, name: t.name, status: 'error', messages });
      continue;
    }
    rows.push({ row: r.row, key: t.code || t.name, name: person.name, status: 'create', messages: [] });
    items.push({
      personId: person.id,
      category: category as ValueOf<typeof measureCategory>,
      measure: t.measure,
      body: t.body,
      decidedOn,
      effectUntil,
      docNo: t.docNo,
      note: t.note,
    });
  }
  return { rows, notices: table.notices, items, sheet: table.sheet };
}
