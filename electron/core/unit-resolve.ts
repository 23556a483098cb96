/**
 * A unit as an office's spreadsheet names it: by code (SX-CZJ), by full name when only one unit has it, by the
 * path of its parents (城关镇人民政府/财政所, 示例县/城关镇人民政府/财政所) or as the app shows it
 * (财政所（城关镇人民政府）). A name a dozen towns share is refused with the choices spelled out, never guessed.
 */

export interface NamedUnit {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  parentId: number | null;
  active: boolean;
}

export type UnitResolution<U extends NamedUnit> = { unit: U } | { problem: string };

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');

/** How many candidates a refusal names before “等”. */
const NAMED = 4;

export function unitResolver<U extends NamedUnit>(units: readonly U[]): (text: string) => UnitResolution<U> {
  const byCode = new Map(units.map((u) => [norm(u.code), u]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const byName = new Map<string, U[]>();
  for (const u of units)
    for (const n of new Set([norm(u.name), u.shortName ? norm(u.shortName) : ''].filter(Boolean))) {
      const list = byName.get(n) ?? [];
      list.push(u);
      byName.set(n, list);
    }
  const parentName = (u: U) => (u.parentId ? (byId.get(u.parentId)?.name ?? '') : '');
  const named = (u: U, n: string) => norm(u.name) === n || (u.shortName !== null && norm(u.shortName) === n);
  /** The units named `last` whose parents, read upward, carry the names before it. */
  const underPath = (segments: string[]): U[] => {
    const last = segments[segments.length - 1]!;
    return (byName.get(last) ?? []).filter((u) => {
      let at: U | undefined = u;
      for (let i = segments.length - 2; i >= 0; i--) {
        at = at?.parentId ? byId.get(at.parentId) : undefined;
        if (!at || !named(at, segments[i]!)) return false;
      }
      return true;
    });
  };
  const finish = (text: string, found: U[]): UnitResolution<U> => {
    if (found.length === 1) {
      const u = found[0]!;
      return u.active ? { unit: u } : { problem: `单位“${u.name}”（${u.code}）已停用` };
    }
    if (found.length === 0) return { problem: `找不到单位“${text}”（可填单位代码、单位全称或“上级单位/单位”）` };
    const shown = found.slice(0, NAMED).map((u) => `${u.code} ${u.name}（${parentName(u) || '无上级'}）`);
    return {
      problem:
        `有 ${found.length} 个单位名为“${text}”：${shown.join('、')}${found.length > NAMED ? ' 等' : ''}；` +
        '请改填单位代码或“上级单位/单位”',
    };
  };

  return (text) => {
    const t = norm(text);
    if (!t) return { problem: '为空' };
    const coded = byCode.get(t);
    if (coded) return finish(text, [coded]);
    const segments = t.split(/[/／>＞\\]/).filter(Boolean);
    if (segments.length > 1) return finish(text, underPath(segments));
    const shown = /^(.+)\(([^()]+)\)$/.exec(t);
    if (shown && !byName.has(t)) return finish(text, underPath([shown[2]!, shown[1]!]));
    return finish(text, byName.get(t) ?? []);
  };
}
