import type Database from 'better-sqlite3';
import { DATE_WRITINGS, idNumberProblem, maskIdNumber, monthLabel, parseYesNo, readDate } from '../../core';
import { allPeople, allUnits, currentDuties, type PersonRecord } from '../../../db/repos/org';
import type { PersonInput } from '../org/write';
import { readTable, type ColumnSpec } from './table';
import { countsOf, type ImportPlan, type ImportRowResult } from './unit-import';
import { readWorkbook } from './workbook';

export { countsOf };

export type PersonKey =
  | 'code'
  | 'name'
  | 'unitCode'
  | 'post'
  | 'rank'
  | 'isLeader'
  | 'isUnitHead'
  | 'phone'
  | 'idNumber'
  | 'duties'
  | 'fromDate';
export const personColumns: ColumnSpec<PersonKey>[] = [
  { key: 'code', names: ['人员编号', '编号', '工号'] },
  { key: 'name', names: ['姓名'], required: true },
  { key: 'unitCode', names: ['单位代码', '所在单位代码'], required: true },
  { key: 'post', names: ['职务', '岗位'] },
  { key: 'rank', names: ['职级'] },
  { key: 'isLeader', names: ['是否领导', '领导'] },
  { key: 'isUnitHead', names: ['是否行政首长', '行政首长', '是否单位主要负责人'] },
  { key: 'phone', names: ['联系电话', '电话', '手机'] },
  { key: 'idNumber', names: ['身份证号', '身份证号码'] },
  { key: 'duties', names: ['岗位职责', '职责'] },
  { key: 'fromDate', names: ['任职日期', '任职时间'] },
];

export interface PersonPlanItem extends PersonInput {
  existingId: number | null;
}

export interface PeopleImportOptions {
  /** The clerk's reading of a number cell such as 2013.1: January (1) or October (10, Excel dropped the 0). */
  dotOneMonth?: 1 | 10;
}

/** Rows sharing a key, for naming every row of a duplicate (not only the later one). */
function rowsByKey(rows: { row: number; key: string | null }[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of rows) if (r.key) out.set(r.key, [...(out.get(r.key) ?? []), r.row]);
  return out;
}

const others = (rows: number[] | undefined, row: number) => (rows ?? []).filter((n) => n !== row).join('、');

/**
 * Reads a people workbook: a person is matched by 人员编号, or else by unit and name. Every problem of a row is
 * listed, and both rows of a duplicate are named.
 */
export async function planPeopleImport(
  sqlite: Database.Database,
  fileName: string,
  bytes: Buffer,
  opts: PeopleImportOptions = {},
): Promise<ImportPlan<PersonPlanItem>> {
  const table = readTable(await readWorkbook(fileName, bytes), personColumns, '人员');
  if (table.fatal)
    return {
      rows: [{ row: 1, key: '', name: '', status: 'error', messages: [{ column: '', message: table.fatal }] }],
      notices: table.notices,
      items: [],
      sheet: table.sheet,
    };
  // a CSV Excel saved holds what the cell showed: 2013.10 in General format was written 2013.1
  const csv = fileName.toLowerCase().endsWith('.csv');
  const sameCode = rowsByKey(table.rows.map((r) => ({ row: r.row, key: r.text.code })));
  const sameName = rowsByKey(
    table.rows.map((r) => ({ row: r.row, key: r.text.code ? null : `${r.text.unitCode}|${r.text.name}` })),
  );
  let monthOnly = 0;
  let ambiguous = 0;
  const units = new Map(allUnits(sqlite).map((u) => [u.code, u]));
  const people = allPeople(sqlite);
  const duties = currentDuties(sqlite);
  const byCode = new Map(people.filter((p) => p.code).map((p) => [p.code!, p]));
  const byUnitName = new Map<string, PersonRecord[]>();
  for (const p of people) {
    const k = `${p.unitId}|${p.name}`;
    byUnitName.set(k, [...(byUnitName.get(k) ?? []), p]);
  }
  const rows: ImportRowResult[] = [];
  const items: PersonPlanItem[] = [];

  for (const r of table.rows) {
    const t = r.text;
    const messages = [...r.problems];
    const warnings: { column: string; message: string }[] = [];
    const bad = (column: string, message: string) => messages.push({ column, message });
    if (!t.name) bad('姓名', '不能为空');
    else if (t.name.length > 30) bad('姓名', '不能超过 30 个字');
    const unit = units.get(t.unitCode);
    if (!t.unitCode) bad('单位代码', '不能为空');
    else if (!unit) bad('单位代码', `找不到单位代码为“${t.unitCode}”的单位，请先导入单位`);
    else if (!unit.active) bad('单位代码', `单位“${unit.name}”已停用`);
    if (t.code) {
      if (t.code.length > 32) bad('人员编号', '不能超过 32 个字符');
      const dup = others(sameCode.get(t.code), r.row);
      if (dup) bad('人员编号', `与第 ${dup} 行的人员编号重复`);
    }
    const isLeader = parseYesNo(t.isLeader);
    if (t.isLeader && isLeader === null) bad('是否领导', `应填“是”或“否”，实际为“${t.isLeader}”`);
    const isUnitHead = parseYesNo(t.isUnitHead);
    if (t.isUnitHead && isUnitHead === null) bad('是否行政首长', `应填“是”或“否”，实际为“${t.isUnitHead}”`);
    let fromDate: string | undefined;
    if (t.fromDate) {
      const d = readDate(t.fromDate, { numeric: csv || r.numeric.has('fromDate') });
      if (d.kind === 'day' || d.kind === 'month') fromDate = d.date;
      if (d.kind === 'month') monthOnly++;
      if (d.kind === 'invalid') bad('任职日期', `无法识别“${t.fromDate}”，可写作 ${DATE_WRITINGS}`);
      if (d.kind === 'ambiguous') {
        const [jan, oct] = d.readings.map(monthLabel);
        const both = `“${t.fromDate}”可能是 ${jan}，也可能是 ${oct}（Excel 会把 2013.10 显示为 2013.1）`;
        if (opts.dotOneMonth) {
          fromDate = d.readings[opts.dotOneMonth === 1 ? 0 : 1];
          warnings.push({ column: '任职日期', message: `${both}，已按您的确认读作 ${monthLabel(fromDate)}` });
        } else {
          ambiguous++;
          warnings.push({ column: '任职日期', message: `${both}，请确认读法` });
        }
      }
    }
    if (t.post.length > 40) bad('职务', '不能超过 40 个字');
    if (t.duties.length > 5000) bad('岗位职责', '不能超过 5000 个字');

    // match
    let existing: PersonRecord | undefined;
    if (t.code) existing = byCode.get(t.code);
    if (t.code && !existing && unit && t.name) {
      // a number not seen before may belong to someone entered without one: the same name in the same unit
      const uncoded = (byUnitName.get(`${unit.id}|${t.name}`) ?? []).filter((p) => !p.code);
      if (uncoded.length === 1) existing = uncoded[0];
    }
    if (!t.code && unit && t.name) {
      const same = byUnitName.get(`${unit.id}|${t.name}`) ?? [];
      if (same.length > 1) bad('人员编号', `本单位有 ${same.length} 名“${t.name}”，请填写人员编号以区分`);
      existing = same[0];
      const dup = others(sameName.get(`${t.unitCode}|${t.name}`), r.row);
      if (dup) bad('姓名', `与第 ${dup} 行同单位同名，请填写人员编号以区分`);
    }
    // an exported, masked ID number coming back unchanged keeps the stored one
    let idNumber: string | null = t.idNumber ? t.idNumber.toUpperCase() : null;
    if (idNumber && idNumber.includes('*')) {
      if (existing && maskIdNumber(existing.idNumber) === idNumber) idNumber = existing.idNumber;
      else bad('身份证号', '是打码后的号码，不能导入；请填写完整号码或留空');
    } else if (idNumber) {
      const p = idNumberProblem(idNumber);
      if (p) bad('身份证号', p);
    }

    // a column the file does not have keeps what is stored
    const has = (k: PersonKey) => table.present.has(k) || !existing;
    const storedDuties = existing ? (duties.get(existing.id) ?? '') : '';
    const item: PersonPlanItem = {
      existingId: existing?.id ?? null,
      code: t.code || (existing?.code ?? null),
      name: t.name,
      unitId: unit?.id ?? 0,
      post: has('post') ? t.post || null : (existing!.post ?? null),
      rank: has('rank') ? t.rank || null : (existing!.rank ?? null),
      isLeader: has('isLeader') ? (isLeader ?? false) : existing!.isLeader,
      isUnitHead: has('isUnitHead') ? (isUnitHead ?? false) : existing!.isUnitHead,
      phone: has('phone') ? t.phone || null : (existing!.phone ?? null),
      idNumber: has('idNumber') ? idNumber : (existing!.idNumber ?? null),
      duties: has('duties') ? t.duties : storedDuties,
      fromDate,
    };
    let status: ImportRowResult['status'] = messages.length ? 'error' : existing ? 'update' : 'create';
    if (status === 'update' && existing) {
      // a full ID number in the file is never compared with the stored one: "unchanged" would confirm a guess
      const idUnrevealing = !t.idNumber || t.idNumber.includes('*');
      const same =
        idUnrevealing &&
        existing.name === item.name &&
        existing.unitId === item.unitId &&
        (existing.post ?? null) === item.post &&
        (existing.rank ?? null) === item.rank &&
        existing.isLeader === item.isLeader &&
        existing.isUnitHead === item.isUnitHead &&
        (existing.phone ?? null) === item.phone &&
        (existing.idNumber ?? null) === item.idNumber &&
        existing.active &&
        storedDuties === item.duties;
      if (same) status = 'same';
    }
    const key = t.code || `${t.unitCode}/${t.name}`;
    rows.push({ row: r.row, key, name: t.name, status, messages, ...(warnings.length ? { warnings } : {}) });
    if (status === 'create' || status === 'update') items.push(item);
  }
  const notices = [...table.notices];
  if (monthOnly)
    notices.push(`有 ${monthOnly} 行任职日期只写到月份（如“2013.04”），按当月 1 日保存（如 2013-04-01）。`);
  if (ambiguous)
    notices.push(
      `有 ${ambiguous} 个任职日期是数字单元格中的“某年.1”，可能是 1 月，也可能是 10 月（Excel 会省去 2013.10 末尾的 0）；` +
        '请确认读法后再导入。',
    );
  return { rows, notices, items, sheet: table.sheet, ambiguous };
}
