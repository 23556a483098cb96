/**
 * A fixed vocabulary that code branches on: its values in order and the Chinese label of each. Everything
 * else derives from it: the zod enums of the contract, the enum and CHECK list of the schema, the
 * renderer's labels and tags, the refusals core writes. Lists an office edits are rows, not vocabularies.
 */
export interface Vocabulary<V extends string> {
  readonly values: readonly [V, ...V[]];
  readonly labels: Readonly<Record<V, string>>;
  label(v: V): string;
  /** The values as an SQL list for a CHECK constraint: 'a','b'. */
  readonly sqlList: string;
}

export function vocabulary<const V extends string>(
  labels: Record<V, string>,
  values: readonly [V, ...V[]],
): Vocabulary<V> {
  const missing = values.filter((v) => !(v in labels));
  const extra = Object.keys(labels).filter((k) => !values.includes(k as V));
  if (missing.length || extra.length) throw new Error(`vocabulary mismatch: ${[...missing, ...extra].join(', ')}`);
  return Object.freeze({
    values,
    labels: Object.freeze({ ...labels }),
    label: (v: V) => labels[v],
    sqlList: values.map((v) => `'${v.replace(/'/g, "''")}'`).join(','),
  });
}

export type ValueOf<T> = T extends Vocabulary<infer V> ? V : never;
