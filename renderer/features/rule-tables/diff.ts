/** What changed between two versions of a rule table's rows, matched by their code (or position, without one). */

export type Row = Record<string, string | number | boolean>;

export type RowChange =
  | { kind: 'added'; row: Row }
  | { kind: 'removed'; row: Row }
  | { kind: 'changed'; row: Row; before: Row; keys: string[] };

export function diffRows(before: Row[], after: Row[], codeKey = 'code'): RowChange[] {
  const key = (r: Row, i: number) => (codeKey in r ? String(r[codeKey]) : `#${i}`);
  const old = new Map(before.map((r, i) => [key(r, i), r]));
  const seen = new Set<string>();
  const out: RowChange[] = [];
  after.forEach((r, i) => {
    const k = key(r, i);
    seen.add(k);
    const b = old.get(k);
    if (!b) return out.push({ kind: 'added', row: r });
    const keys = [...new Set([...Object.keys(b), ...Object.keys(r)])].filter((c) => b[c] !== r[c]);
    if (keys.length) out.push({ kind: 'changed', row: r, before: b, keys });
  });
  before.forEach((r, i) => {
    if (!seen.has(key(r, i))) out.push({ kind: 'removed', row: r });
  });
  return out;
}

/** A cell as the office reads it. */
export const cellText = (v: unknown): string =>
  v === true ? '是' : v === false ? '否' : v === undefined || v === null || v === '' ? '—' : String(v);
