import type Database from 'better-sqlite3';
import { type BoardQuery, dueClause, like } from './board';

/**
 * The supervision web on the overdue board: complaints being handled (to their deadline) and transfers awaiting
 * feedback (to their due date). Few, so every matching row is returned; the board's unit, due and search filters
 * apply; a notice kind or a leader filter leaves none (they answer to neither).
 */
export interface SupervisionDue {
  kind: 'complaint' | 'transfer';
  id: number;
  unitId: number;
  unitName: string;
  matter: string;
  deadline: string;
}

export function boardSupervision(db: Database.Database, q: BoardQuery): SupervisionDue[] {
  if (q.kind || q.leader) return [];
  const parts: string[] = [];
  const args: (string | number)[] = [];
  const one = (sql: string, deadline: string, matter: string) => {
    const where = [sql];
    const a: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]) => {
      where.push(clause);
      a.push(...values);
    };
    if (q.unitId) add('x.unit_id = ?', q.unitId);
    if (q.search) add(`(${matter} like ? escape '\\' or u.name like ? escape '\\')`, like(q.search), like(q.search));
    dueClause(deadline, q, add);
    parts.push(where.join(' and '));
    args.push(...a);
  };
  one("x.deleted_at is null and x.state = 'open'", 'x.deadline', 'x.content');
  const complaints = parts.pop()!;
  const cArgs = args.splice(0);
  one("x.deleted_at is null and x.state = 'sent'", 'x.feedback_due', 'x.subject');
  const transfers = parts.pop()!;
  return db
    .prepare(
      `select * from (
         select 'complaint' as kind, x.id, x.unit_id as unitId, u.name as unitName, '投诉：' || x.content as matter,
           x.deadline from complaints x join units u on u.id = x.unit_id where ${complaints}
         union all
         select 'transfer', x.id, x.unit_id, u.name, '移送反馈：' || x.subject, x.feedback_due
           from case_transfers x join units u on u.id = x.unit_id where ${transfers}
       ) order by deadline, kind, id`,
    )
    .all(...cArgs, ...args) as SupervisionDue[];
}
