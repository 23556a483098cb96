import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../contract';
import { idNumberProblem } from '../../core';
import { currentPost, personById, subtreeIds, unitByCode, unitById, type UnitRecord } from '../../../db/repos/org';

/** Who writes, when, and as which node: every org record is owned by the node that created it. */
export interface WriteCtx {
  sqlite: Database.Database;
  nodeId: string;
  now: number;
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
  if (!unitById(c.sqlite, parentId)) throw new AppError('INVALID_INPUT', '所选上级单位不存在。', { fields: [{ path: 'parentId', message: '上级单位不存在' }] });
  if (id !== null && subtreeIds(c.sqlite, id).includes(parentId)) {
    throw new AppError('RULE_VIOLATION', '不能把单位移到它自己或它的下级单位之下。', { fields: [{ path: 'parentId', message: '不能选自己或下级单位' }] });
  }
}

function checkCategory(c: WriteCtx, categoryId: number | null | undefined): void {
  if (categoryId == null) return;
  if (!c.sqlite.prepare('select 1 from categories where id = ?').get(categoryId)) {
    throw new AppError('INVALID_INPUT', '所选考核类别不存在。', { fields: [{ path: 'categoryId', message: '考核类别不存在' }] });
  }
}

export function insertUnit(c: WriteCtx, u: UnitInput): number {
  if (unitByCode(c.sqlite, u.code)) throw new AppError('CONFLICT', `单位代码“${u.code}”已存在。`, { fields: [{ path: 'code', message: '单位代码已存在' }] });
  checkParent(c, null, u.parentId);
  checkCategory(c, u.categoryId);
  return Number(
    c.sqlite
      .prepare(
        `insert into units (uuid, owner_node, version, code, name, short_name, kind, parent_id, category_id, sort_order, active, created_at, updated_at)
         values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(randomUUID(), c.nodeId, u.code, u.name, u.shortName ?? null, u.kind, u.parentId ?? null, u.categoryId ?? null, u.sortOrder ?? 0, c.now, c.now)
      .lastInsertRowid,
  );
}

export function updateUnit(c: WriteCtx, id: number, patch: Partial<UnitInput> & { active?: boolean }): UnitRecord {
  const before = unitById(c.sqlite, id);
  if (!before) throw new AppError('NOT_FOUND', '没有找到这个单位，请刷新。');
  if (patch.code !== undefined && patch.code !== before.code && unitByCode(c.sqlite, patch.code)) {
    throw new AppError('CONFLICT', `单位代码“${patch.code}”已存在。`, { fields: [{ path: 'code', message: '单位代码已存在' }] });
  }
  if (patch.parentId !== undefined) checkParent(c, id, patch.parentId);
  if (patch.categoryId !== undefined) checkCategory(c, patch.categoryId);
  if (patch.active === false && before.active) {
    const child = c.sqlite.prepare('select name from units where parent_id = ? and active = 1 limit 1').get(id) as { name: string } | undefined;
    if (child) throw new AppError('RULE_VIOLATION', `请先停用下级单位（如“${child.name}”），再停用本单位。`);
  }
  const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as UnitRecord;
  c.sqlite
    .prepare(
      `update units set code = ?, name = ?, short_name = ?, kind = ?, parent_id = ?, category_id = ?, sort_order = ?, active = ?,
       version = version + 1, updated_at = ? where id = ?`,
    )
    .run(next.code, next.name, next.shortName ?? null, next.kind, next.parentId ?? null, next.categoryId ?? null, next.sortOrder, next.active ? 1 : 0, c.now, id);
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
    if (!unit) throw new AppError('INVALID_INPUT', '所选单位不存在。', { fields: [{ path: 'unitId', message: '单位不存在' }] });
    if (!unit.active) throw new AppError('RULE_VIOLATION', `单位“${unit.name}”已停用，不能再调入人员。`, { fields: [{ path: 'unitId', message: '单位已停用' }] });
  }
  if (p.code) {
    const other = c.sqlite.prepare('select id, name from people where code = ?').get(p.code) as { id: number; name: string } | undefined;
    if (other && other.id !== id) throw new AppError('CONFLICT', `人员编号“${p.code}”已被“${other.name}”使用。`, { fields: [{ path: 'code', message: '人员编号已存在' }] });
  }
  if (p.idNumber) {
    const problem = idNumberProblem(p.idNumber);
    if (problem) throw new AppError('INVALID_INPUT', problem, { fields: [{ path: 'idNumber', message: problem }] });
  }
}

function openPost(c: WriteCtx, personId: number, unitId: number, post: string, duties: string, fromDate: string): void {
  c.sqlite
    .prepare(
      `insert into person_posts (uuid, owner_node, version, person_id, unit_id, post, duties, from_date, to_date, created_at, updated_at)
       values (?, ?, 1, ?, ?, ?, ?, ?, null, ?, ?)`,
    )
    .run(randomUUID(), c.nodeId, personId, unitId, post, duties, fromDate, c.now, c.now);
}

export function insertPerson(c: WriteCtx, p: PersonInput): number {
  checkPerson(c, null, p);
  const id = Number(
    c.sqlite
      .prepare(
        `insert into people (uuid, owner_node, version, code, name, unit_id, post, rank, is_leader, is_unit_head, phone, id_number, active, created_at, updated_at)
         values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(randomUUID(), c.nodeId, p.code || null, p.name, p.unitId, p.post ?? null, p.rank ?? null, p.isLeader ? 1 : 0, p.isUnitHead ? 1 : 0, p.phone ?? null, p.idNumber?.toUpperCase() ?? null, c.now, c.now)
      .lastInsertRowid,
  );
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
  checkPerson(c, id, { ...patch, unitId: patch.unitId !== undefined && patch.unitId !== before.unitId ? patch.unitId : undefined });
  const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as typeof before & PersonInput;
  c.sqlite
    .prepare(
      `update people set code = ?, name = ?, unit_id = ?, post = ?, rank = ?, is_leader = ?, is_unit_head = ?, phone = ?, id_number = ?, active = ?,
       version = version + 1, updated_at = ? where id = ?`,
    )
    .run(next.code || null, next.name, next.unitId, next.post ?? null, next.rank ?? null, next.isLeader ? 1 : 0, next.isUnitHead ? 1 : 0, next.phone ?? null, next.idNumber?.toUpperCase() ?? null, next.active ? 1 : 0, c.now, id);
  const cur = currentPost(c.sqlite, id);
  const moved = next.unitId !== before.unitId || (next.post ?? '') !== (before.post ?? '');
  if (moved || !cur) {
    // a date no later than the current post's start (an exported file coming back) cannot start a new post
    const start = patch.fromDate && (!cur || patch.fromDate > cur.fromDate) ? patch.fromDate : c.today;
    if (cur) c.sqlite.prepare('update person_posts set to_date = ?, version = version + 1, updated_at = ? where id = ?').run(start, c.now, cur.id);
    openPost(c, id, next.unitId, next.post ?? '', patch.duties ?? cur?.duties ?? '', start);
  } else if (patch.duties !== undefined && patch.duties !== cur.duties) {
    c.sqlite.prepare('update person_posts set duties = ?, version = version + 1, updated_at = ? where id = ?').run(patch.duties, c.now, cur.id);
  }
}

export function todayOf(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
