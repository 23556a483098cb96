import type Database from 'better-sqlite3';
import { AppError } from '../../contract';
import { idNumberProblem } from '../../core';
import type { RecordWriter } from '../../../db';
import {
  activeChildUnit,
  categoryName,
  closePostRow,
  currentPost,
  insertPersonRow,
  insertUnitRow,
  openPostRow,
  personById,
  personWithCode,
  setPostDuties,
  subtreeIds,
  unitByCode,
  unitById,
  type UnitRecord,
  updatePersonRow,
  updateUnitRow,
} from '../../../db/repos/org';

/** Who writes, when, and as which node: every org record is owned by the node that created it. */
export interface WriteCtx {
  sqlite: Database.Database;
  records: RecordWriter;
  /** Today as YYYY-MM-DD, for post history. */
  today: string;
}

export interface UnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: UnitRecord['kind'];
  parentId?: number | null;
  categoryId?: number | null;
  sortOrder?: number;
}

function checkParent(c: WriteCtx, id: number | null, parentId: number | null | undefined): void {
  if (parentId == null) return;
  if (!unitById(c.sqlite, parentId))
    throw new AppError('INVALID_INPUT', '所选上级单位不存在。', {
      fields: [{ path: 'parentId', message: '上级单位不存在' }],
    });
  if (id !== null && subtreeIds(c.sqlite, id).includes(parentId)) {
    throw new AppError('RULE_VIOLATION', '不能把单位移到它自己或它的下级单位之下。', {
      fields: [{ path: 'parentId', message: '不能选自己或下级单位' }],
    });
  }
}

function checkCategory(c: WriteCtx, categoryId: number | null | undefined): void {
  if (categoryId == null) return;
  if (!categoryName(c.sqlite, categoryId)) {
    throw new AppError('INVALID_INPUT', '所选考核类别不存在。', {
      fields: [{ path: 'categoryId', message: '考核类别不存在' }],
    });
  }
}

export function insertUnit(c: WriteCtx, u: UnitInput): number {
  if (unitByCode(c.sqlite, u.code))
    throw new AppError('CONFLICT', `单位代码“${u.code}”已存在。`, {
      fields: [{ path: 'code', message: '单位代码已存在' }],
    });
  checkParent(c, null, u.parentId);
  checkCategory(c, u.categoryId);
  return insertUnitRow(c.records, {
    code: u.code,
    name: u.name,
    shortName: u.shortName ?? null,
    kind: u.kind,
    parentId: u.parentId ?? null,
    categoryId: u.categoryId ?? null,
    sortOrder: u.sortOrder ?? 0,
    active: true,
  });
}

export function updateUnit(c: WriteCtx, id: number, patch: Partial<UnitInput> & { active?: boolean }): UnitRecord {
  const before = unitById(c.sqlite, id);
  if (!before) throw new AppError('NOT_FOUND', '没有找到这个单位，请刷新。');
  if (patch.code !== undefined && patch.code !== before.code && unitByCode(c.sqlite, patch.code)) {
    throw new AppError('CONFLICT', `单位代码“${patch.code}”已存在。`, {
      fields: [{ path: 'code', message: '单位代码已存在' }],
    });
  }
  if (patch.parentId !== undefined) checkParent(c, id, patch.parentId);
  if (patch.categoryId !== undefined) checkCategory(c, patch.categoryId);
  if (patch.active === false && before.active) {
    const child = activeChildUnit(c.sqlite, id);
    if (child) throw new AppError('RULE_VIOLATION', `请先停用下级单位（如“${child.name}”），再停用本单位。`);
  }
  const next = {
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  } as UnitRecord;
  updateUnitRow(c.records, id, {
    ...next,
    shortName: next.shortName ?? null,
    parentId: next.parentId ?? null,
    categoryId: next.categoryId ?? null,
  });
  return unitById(c.sqlite, id)!;
}

export interface PersonInput {
  code?: string | null;
  name: string;
  unitId: number;
  post?: string | null;
  rank?: string | null;
  isLeader?: boolean;
  isUnitHead?: boolean;
  phone?: string | null;
  idNumber?: string | null;
  duties?: string;
  fromDate?: string;
}

function checkPerson(c: WriteCtx, id: number | null, p: Partial<PersonInput>): void {
  if (p.unitId !== undefined) {
    const unit = unitById(c.sqlite, p.unitId);
    if (!unit)
      throw new AppError('INVALID_INPUT', '所选单位不存在。', { fields: [{ path: 'unitId', message: '单位不存在' }] });
    if (!unit.active)
      throw new AppError('RULE_VIOLATION', `单位“${unit.name}”已停用，不能再调入人员。`, {
        fields: [{ path: 'unitId', message: '单位已停用' }],
      });
  }
  if (p.code) {
    const other = personWithCode(c.sqlite, p.code);
    if (other && other.id !== id)
      throw new AppError('CONFLICT', `人员编号“${p.code}”已被“${other.name}”使用。`, {
        fields: [{ path: 'code', message: '人员编号已存在' }],
      });
  }
  if (p.idNumber) {
    const problem = idNumberProblem(p.idNumber);
    if (problem) throw new AppError('INVALID_INPUT', problem, { fields: [{ path: 'idNumber', message: problem }] });
  }
}

function openPost(c: WriteCtx, personId: number, unitId: number, post: string, duties: string, fromDate: string): void {
  openPostRow(c.records, { personId, unitId, post, duties, fromDate });
}

export function insertPerson(c: WriteCtx, p: PersonInput): number {
  checkPerson(c, null, p);
  const id = insertPersonRow(c.records, {
    code: p.code || null,
    name: p.name,
    unitId: p.unitId,
    post: p.post ?? null,
    rank: p.rank ?? null,
    isLeader: !!p.isLeader,
    isUnitHead: !!p.isUnitHead,
    phone: p.phone ?? null,
    idNumber: p.idNumber?.toUpperCase() ?? null,
    active: true,
  });
  openPost(c, id, p.unitId, p.post ?? '', p.duties ?? '', p.fromDate ?? c.today);
  return id;
}

/**
 * Updates a person. A change of unit or post closes the current post record and opens a new one,
 * so the history of posts is kept; a change of duties alone edits the current post.
 */
export function updatePerson(c: WriteCtx, id: number, patch: Partial<PersonInput> & { active?: boolean }): void {
  const before = personById(c.sqlite, id);
  if (!before) throw new AppError('NOT_FOUND', '没有找到这个人员，请刷新。');
  checkPerson(c, id, {
    ...patch,
    unitId: patch.unitId !== undefined && patch.unitId !== before.unitId ? patch.unitId : undefined,
  });
  const next = {
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  } as typeof before & PersonInput;
  updatePersonRow(c.records, id, {
    code: next.code || null,
    name: next.name,
    unitId: next.unitId,
    post: next.post ?? null,
    rank: next.rank ?? null,
    isLeader: !!next.isLeader,
    isUnitHead: !!next.isUnitHead,
    phone: next.phone ?? null,
    idNumber: next.idNumber?.toUpperCase() ?? null,
    active: !!next.active,
  });
  const cur = currentPost(c.sqlite, id);
  const moved = next.unitId !== before.unitId || (next.post ?? '') !== (before.post ?? '');
  if (moved || !cur) {
    // a date no later than the current post's start (an exported file coming back) cannot start a new post
    const start = patch.fromDate && (!cur || patch.fromDate > cur.fromDate) ? patch.fromDate : c.today;
    if (cur) closePostRow(c.records, cur.id, start);
    openPost(c, id, next.unitId, next.post ?? '', patch.duties ?? cur?.duties ?? '', start);
  } else if (patch.duties !== undefined && patch.duties !== cur.duties) {
    setPostDuties(c.records, cur.id, patch.duties);
  }
}

export function todayOf(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
