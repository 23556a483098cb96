import type { HandlerContext } from '../handler';
import { type ItemDraft, itemProblems } from '../supervision/register-writes';
import { type Messages, dayOf, idNumberCells, type namesOf, onColumns, textOf } from './register-import';
import type { ColumnSpec, SheetRow } from './table';
import type { ImportRowResult } from './unit-import';

/**
 * What the registers' imports do alike row by row (#18): a row that repeats a registered record or an earlier row of
 * the file, and the item rows (审计's 整改事项, 联席会议's 议定事项) once the register row they belong to is found.
 */

/** The first header of each required column: the template marks them. */
export const requiredHeads = (cols: ColumnSpec<string>[]) =>
  new Set(cols.filter((c) => c.required).map((c) => c.names[0]!));

/**
 * A row still to be created that repeats one already registered (`registered`: what to say of it) or an earlier row
 * of the file is shown as such and not imported; otherwise its key is remembered. `what`: 同一项审计, 同一件移送 …
 */
export function markRepeat(
  row: ImportRowResult,
  key: string,
  seen: Map<string, number>,
  registered: string | null,
  what: string,
): void {
  if (row.status !== 'create') return;
  const earlier = seen.get(key);
  if (registered) {
    row.status = 'same';
    row.warnings = [{ column: '', message: `${registered}，不再导入` }];
  } else if (earlier !== undefined) {
    row.status = 'same';
    row.warnings = [{ column: '', message: `与第 ${earlier} 行是${what}，只导入一次` }];
  } else seen.set(key, row.row);
}

type ItemKey = 'unit' | 'item' | 'deadline';

/** The register row an item belongs to, as the import planned it. */
export interface ItemOwner {
  r: ImportRowResult;
  plan: { items: (ItemDraft & { row: number })[] };
  /** The date the form checks an item's deadline against (the audit's report date, the meeting's date). */
  from: string;
}

/**
 * The rest of an item row once its owner has been looked up (the caller has reported a missing or ambiguous one):
 * the responsible unit, the content and the deadline, checked as the form's addItem checks them; ID numbers in any
 * column; the row's outcome. An item of a register row that is not imported again (a repeat) is not imported either.
 */
export function itemRow<J extends string>(o: {
  ctx: Pick<HandlerContext, 'sqlite'>;
  r: SheetRow<J | ItemKey>;
  messages: Messages;
  bad: (k: ItemKey, message: string) => void;
  names: ReturnType<typeof namesOf>;
  owner: ItemOwner | undefined;
  columns: ColumnSpec<J | ItemKey>[];
  fieldColumn: Record<string, string>;
  sheet: string;
  key: string;
  /** 审计 / 会议, the owners' sheet, and 整改事项 / 议定事项. */
  labels: { owner: string; ownerSheet: string; item: string };
}): ImportRowResult {
  const { r, messages, bad, owner } = o;
  const t = r.text as Record<ItemKey, string>;
  const unit = o.names.unit(t.unit);
  if ('problem' in unit) bad('unit', unit.problem);
  const text = textOf(t.item, 500, true);
  if (text) bad('item', text);
  const date = dayOf(r, 'deadline');
  if ('problem' in date) bad('deadline', date.problem);
  const draft = { unitId: 'id' in unit ? unit.id : 0, item: t.item, deadline: 'date' in date ? date.date : '' };
  if (owner && owner.r.status !== 'error' && 'id' in unit && 'date' in date)
    onColumns(itemProblems(o.ctx, draft, owner.from), o.fieldColumn, messages);
  idNumberCells(r, o.columns, messages);
  const row: ImportRowResult = {
    row: r.row,
    sheet: o.sheet,
    key: o.key,
    name: `${'name' in unit ? unit.name : t.unit}：${t.item}`,
    status: messages.length ? 'error' : 'create',
    messages,
  };
  const n = o.labels;
  if (row.status === 'create' && owner!.r.status === 'same') {
    row.status = 'same';
    row.warnings = [
      {
        column: '',
        message:
          `所属${n.owner}（“${n.ownerSheet}”第 ${owner!.r.row} 行）不再导入，这个${n.item}也不导入；` +
          `如需补充请在该${n.owner}下添加`,
      },
    ];
  } else if (row.status === 'create') owner!.plan.items.push({ ...draft, row: r.row });
  return row;
}
