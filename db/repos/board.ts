import type Database from 'better-sqlite3';
import type { NoticeRecord, RectRecord } from './notices';
import { noticeCols, noticeFrom, noticeStateSql, rectCols, rectFrom, rectStateSql } from './notices';

/**
 * The overdue board: open notices and open rectification items, filtered, counted and paged in SQL. The deadline
 * states come as two dates (see deadlineBounds in the core): before `today` overdue, before `okFrom` due soon.
 */

export type DueState = 'overdue' | 'soon' | 'ok';

export interface BoardQuery {
  today: string;
  okFrom: string;
  unitId?: number;
  kind?: NoticeRecord['kind'];
  /** Part of the name of the responsible leader of the target concerned. */
  leader?: string;
  due?: DueState[];
  search?: string;
  sort: 'deadline' | 'unit' | 'kind';
  order: 'asc' | 'desc';
  offset: number;
  rectOffset: number;
  /** Rows per page; null for every row. */
  limit: number | null;
}

type Arg = string | number;
interface Where {
  sql: string;
  args: Arg[];
}

/**
 * What overdue means, in one place (the board, and the automatic deductions of services/scoring): a notice is open
 * while it waits for the unit (issued, or returned to it), and overdue once the deadline in force (a granted
 * extension, else the reply date) is before today; a rectification item is open until the unit reports it done.
 */
export const noticeDeadline = 'coalesce(n.extended_to, n.reply_by)';
export const openNotice = `n.deleted_at is null and ${noticeStateSql} in ('issued', 'returned')`;
export const openRectification = `r.deleted_at is null and ${rectStateSql('r')} = 'open'`;
export const like = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;

/** Collects the clauses of a where and their arguments in order. */
function clauses(first: string) {
  const w = { parts: [first], args: [] as Arg[] };
  const add = (clause: string, ...values: Arg[]) => {
    w.parts.push(clause);
    w.args.push(...values);
  };
  return { add, done: (): Where => ({ sql: w.parts.join(' and '), args: w.args }) };
}

export function dueClause(col: string, q: BoardQuery, add: (clause: string, ...values: Arg[]) => void) {
  if (!q.due) return;
  const parts: string[] = [];
  const args: Arg[] = [];
  for (const d of new Set(q.due)) {
    const [clause, values] =
      d === 'overdue'
        ? [`${col} < ?`, [q.today]]
        : d === 'soon'
          ? [`(${col} >= ? and ${col} < ?)`, [q.today, q.okFrom]]
          : [`${col} >= ?`, [q.okFrom]];
    parts.push(clause);
    args.push(...values);
  }
  add(parts.length ? `(${parts.join(' or ')})` : '0', ...args);
}

function noticeWhere(q: BoardQuery, withDue: boolean): Where {
  const { add, done } = clauses(openNotice);
  if (q.unitId) add('n.unit_id = ?', q.unitId);
  if (q.kind) add('n.kind = ?', q.kind);
  if (q.leader) add("pe.name like ? escape '\\'", like(q.leader));
  if (q.search) {
    const s = like(q.search);
    add(`(d.number like ? escape '\\' or n.reason like ? escape '\\' or u.name like ? escape '\\')`, s, s, s);
  }
  if (withDue) dueClause(noticeDeadline, q, add);
  return done();
}

/** Rectification items answer to no leader and are of one kind: filtering by either of those leaves none. */
function rectWhere(q: BoardQuery, withDue: boolean): Where | null {
  if ((q.kind && q.kind !== 'rectification') || q.leader) return null;
  const { add, done } = clauses(openRectification);
  if (q.unitId) add('r.unit_id = ?', q.unitId);
  if (q.search) {
    const s = like(q.search);
    add(`(d.number like ? escape '\\' or r.item like ? escape '\\' or u.name like ? escape '\\')`, s, s, s);
  }
  if (withDue) dueClause('r.deadline', q, add);
  return done();
}

function orderBy(q: BoardQuery, deadline: string, id: string, kind: string | null): string {
  const dir = q.order === 'desc' ? 'desc' : 'asc';
  const first =
    q.sort === 'unit' ? `u.sort_order ${dir}, u.code ${dir}, ` : q.sort === 'kind' && kind ? `${kind} ${dir}, ` : '';
  return `${first}${deadline} ${q.sort === 'deadline' ? dir : 'asc'}, ${id} ${q.sort === 'deadline' ? dir : 'asc'}`;
}

const page = (q: BoardQuery, offset: number) => (q.limit === null ? '' : ` limit ${q.limit} offset ${offset}`);

/** One page of open notices in the order asked, and how many match over all pages. */
export function boardNotices(db: Database.Database, q: BoardQuery): { rows: NoticeRecord[]; total: number } {
  const w = noticeWhere(q, true);
  const rows = db
    .prepare(
      `select ${noticeCols} ${noticeFrom} where ${w.sql} order by ${orderBy(q, noticeDeadline, 'n.id', 'n.kind')}` +
        page(q, q.offset),
    )
    .all(...w.args) as NoticeRecord[];
  const total =
    q.limit !== null && (rows.length === q.limit || q.offset > 0)
      ? (db.prepare(`select count(*) as n ${noticeFrom} where ${w.sql}`).get(...w.args) as { n: number }).n
      : rows.length;
  return { rows, total };
}

/** One page of open rectification items, and how many match. */
export function boardRectifications(db: Database.Database, q: BoardQuery): { rows: RectRecord[]; total: number } {
  const w = rectWhere(q, true);
  if (!w) return { rows: [], total: 0 };
  const rows = db
    .prepare(
      `select ${rectCols} ${rectFrom} where ${w.sql} order by ${orderBy(q, 'r.deadline', 'r.id', null)}` +
        page(q, q.rectOffset),
    )
    .all(...w.args) as RectRecord[];
  const total =
    q.limit !== null && (rows.length === q.limit || q.rectOffset > 0)
      ? (db.prepare(`select count(*) as n ${rectFrom} where ${w.sql}`).get(...w.args) as { n: number }).n
      : rows.length;
  return { rows, total };
}

export interface UnitCounts {
  unitId: number;
  unitName: string;
  overdue: number;
  soon: number;
  open: number;
}

/**
 * Open notices and items per unit by deadline state (every filter but `due`), the most overdue first; `more` are
 * other registers' selects of `unitId, dl` (the supervision web's complaints and transfers, supervisionPerUnit).
 */
export function boardPerUnit(db: Database.Database, q: BoardQuery, more: Where[] = []): UnitCounts[] {
  const n = noticeWhere(q, false);
  const r = rectWhere(q, false);
  const parts = [`select n.unit_id as unitId, ${noticeDeadline} as dl ${noticeFrom} where ${n.sql}`];
  const args: Arg[] = [...n.args];
  if (r) {
    parts.push(`select r.unit_id, r.deadline ${rectFrom} where ${r.sql}`);
    args.push(...r.args);
  }
  for (const m of more) {
    parts.push(m.sql);
    args.push(...m.args);
  }
  return db
    .prepare(
      `select x.unitId, u.name as unitName, sum(x.dl < ?) as overdue, sum(x.dl >= ? and x.dl < ?) as soon, ` +
        `count(*) as open from (${parts.join(' union all ')}) x join units u on u.id = x.unitId group by x.unitId ` +
        `order by overdue desc, soon desc, open desc, u.sort_order, u.code`,
    )
    .all(q.today, q.today, q.okFrom, ...args) as UnitCounts[];
}
