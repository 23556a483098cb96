import { role as roleVocab, type ValueOf, type Vocabulary } from '../vocab';

/**
 * A lifecycle is a table of transitions: from which states an action may be taken, the state it leads to,
 * who may take it, and what must be filled in. `step` is the one function that applies a table; a refusal
 * names the current state and what may be done instead. Tests are generated from the tables.
 */

type Role = ValueOf<typeof roleVocab>;

export interface Transition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  /** The state after; 'same' keeps it (a change that does not move the record on, such as an edit). */
  to: S | 'same';
  roles: readonly Role[];
  /** Fields that must be filled in (not blank) for the action, with the words a refusal uses for each. */
  requires?: readonly { field: string; label: string }[];
}

export interface Lifecycle<S extends string, A extends string> {
  /** What the record is called in a refusal: 方案, 通知书, 进展报告 … */
  name: string;
  states: Vocabulary<S>;
  /** The verb for each action, as a refusal says it: 登记回复, 退回重报 … */
  actions: Readonly<Record<A, string>>;
  transitions: readonly Transition<S, A>[];
}

export function lifecycle<S extends string, A extends string>(l: Lifecycle<S, A>): Lifecycle<S, A> {
  for (const t of l.transitions) {
    if (t.from.length === 0 || t.roles.length === 0) throw new Error(`${l.name}: ${t.action} has no state or no role`);
  }
  const seen = new Set<string>();
  for (const t of l.transitions) {
    for (const f of t.from) {
      if (seen.has(`${t.action}:${f}`)) throw new Error(`${l.name}: ${t.action} from ${f} is listed twice`);
      seen.add(`${t.action}:${f}`);
    }
  }
  return l;
}

export type StepResult<S extends string> =
  | { ok: true; to: S }
  | {
      ok: false;
      message: string;
      code: 'RULE_VIOLATION' | 'FORBIDDEN' | 'INVALID_INPUT';
      field?: { path: string; message: string };
    };

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The actions open in a state, for a role (all roles when none given), in the table's order. */
export function allowedActions<S extends string, A extends string>(l: Lifecycle<S, A>, from: S, role?: Role): A[] {
  return l.transitions.filter((t) => t.from.includes(from) && (!role || t.roles.includes(role))).map((t) => t.action);
}

/** The state an action leads to (for an action that moves the record on): where a record waits after it. */
export function stateAfter<S extends string, A extends string>(l: Lifecycle<S, A>, action: A): S {
  const t = l.transitions.find((x) => x.action === action && x.to !== 'same');
  if (!t || t.to === 'same') throw new Error(`${l.name}: ${action} does not move the record on`);
  return t.to;
}

function whatIsOpen<S extends string, A extends string>(l: Lifecycle<S, A>, from: S, role?: Role): string {
  const open = allowedActions(l, from, role).map((a) => l.actions[a]);
  return open.length ? `此时可以：${open.join('、')}` : '此时已不能再办理';
}

/** Applies an action to a record in state `from`, or says why it may not be taken. */
export function step<S extends string, A extends string>(
  l: Lifecycle<S, A>,
  from: S,
  action: A,
  who: { role: Role; fields?: Record<string, unknown>; subject?: string },
): StepResult<S> {
  const t = l.transitions.find((x) => x.action === action && x.from.includes(from));
  const verb = l.actions[action];
  const what = `${who.subject ?? ''}${l.name}`;
  if (!t)
    return {
      ok: false,
      code: 'RULE_VIOLATION',
      message: `${what}当前为“${l.states.label(from)}”，不能${verb}；${whatIsOpen(l, from)}。`,
    };
  if (!t.roles.includes(who.role)) {
    const by = t.roles.map((r) => `“${roleVocab.label(r)}”`).join('或');
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `“${roleVocab.label(who.role)}”不能${verb}${what}，应由${by}办理。`,
    };
  }
  const missing = (t.requires ?? []).find((r) => blank(who.fields?.[r.field]));
  if (missing) {
    const field = { path: missing.field, message: `请填写${missing.label}` };
    return { ok: false, code: 'INVALID_INPUT', message: `${verb}时请写明${missing.label}。`, field };
  }
  return { ok: true, to: t.to === 'same' ? from : t.to };
}

/** The same, for a caller that names the state it wants rather than the action (a plan's state picker). */
export function stepTo<S extends string, A extends string>(
  l: Lifecycle<S, A>,
  from: S,
  to: S,
  who: { role: Role; fields?: Record<string, unknown>; subject?: string },
): StepResult<S> {
  const t = l.transitions.find((x) => x.to === to && x.from.includes(from));
  if (!t) {
    const names = l.states.labels;
    return {
      ok: false,
      code: 'RULE_VIOLATION',
      message: `${l.name}不能从“${names[from]}”变为“${names[to]}”；${whatIsOpen(l, from)}。`,
    };
  }
  return step(l, from, t.action, who);
}

/** The states reachable from each state in one step, derived from the table. */
export function movesOf<S extends string, A extends string>(l: Lifecycle<S, A>): Record<S, S[]> {
  const out = Object.fromEntries(l.states.values.map((s) => [s, [] as S[]])) as Record<S, S[]>;
  for (const t of l.transitions) {
    for (const f of t.from) if (t.to !== 'same' && t.to !== f && !out[f].includes(t.to)) out[f].push(t.to);
  }
  return out;
}
