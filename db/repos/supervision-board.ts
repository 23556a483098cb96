import type Database from 'better-sqlite3';
import { type BoardQuery, dueClause, like } from './board';

/**
 * The supervision web on the overdue board: complaints being handled (to their deadline) and transfers awaiting
 * feedback (to their due date). Few, so every matching row is returned; the board's unit, due and search filters
 * apply; a notice kind or a leader filter leaves none (they answer to neither). They count in the board's counts and
 * per unit like the notices and rectification items (supervisionPerUnit).
 */
export interface SupervisionDue {
  kind: 'complaint' | 'transfer';
  id: number;
  unitId: number;
  unitName: string;
  matter: string;
  deadline: string;
}

type Arg = string | number;
/** A select of `unitId, dl` (the deadline) and the rows' own columns, and its arguments. */
interface Part {
  sql: string;
  args: Arg[];
}

const registers = [
  {
    kind: 'complaint',
    label: '投诉：',
    table: 'complaints',
    open: "x.state = 'open'",
    deadline: 'x.deadline',
    matter: 'x.content',
  },
  {
    kind: 'transfer',
    label: '移送反馈：',
    table: 'case_transfers',
    open: "x.state = 'sent'",
    deadline: 'x.feedback_due',
    matter: 'x.subject',
  },
] as const;

/** The open complaints and transfers matching the board's filters (`withDue`: its due filter too), one part each. */
function parts(q: BoardQuery, withDue: boolean): Part[] {
  if (q.kind || q.leader) return [];
  return registers.map((r) => {
    const where = [`x.deleted_at is null and ${r.open}`];
    const args: Arg[] = [];
    const add = (clause: string, ...values: Arg[]) => {
      where.push(clause);
      args.push(...values);
    };
    if (q.unitId) add('x.unit_id = ?', q.unitId);
    if (q.search) add(`(${r.matter} like ? escape '\\' or u.name like ? escape '\\')`, like(q.search), like(q.search));
    if (withDue) dueClause(r.deadline, q, add);
    return {
      sql:
        `select '${r.kind}' as kind, x.id, x.unit_id as unitId, u.name as unitName, ` +
        `'${r.label}' || ${r.matter} as matter, ${r.deadline} as dl ` +
        `from ${r.table} x join units u on u.id = x.unit_id where ${where.join(' and ')}`,
      args,
    };
  });
}

export function boardSupervision(db: Database.Database, q: BoardQuery): SupervisionDue[] {
  const p = parts(q, true);
  if (p.length === 0) return [];
  return db
    .prepare(
      `select kind, id, unitId, unitName, matter, dl as deadline from (${p.map((x) => x.sql).join(' union all ')}) ` +
        `order by deadline, kind, id`,
    )
    .all(...p.flatMap((x) => x.args)) as SupervisionDue[];
}

/** The same rows as `unitId, dl` for the board's counts per unit (every filter but `due`, as boardPerUnit). */
export const supervisionPerUnit = (q: BoardQuery): Part[] =>
  parts(q, false).map((p) => ({ sql: `select unitId, dl from (${p.sql})`, args: p.args }));
