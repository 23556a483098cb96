/** Rules for units and people that do not depend on storage. */

const kindWords: Record<string, 'city' | 'county' | 'department' | 'township' | 'other'> = {
  市: 'city',
  市级: 'city',
  县: 'county',
  区: 'county',
  '县（区）': 'county',
  县级: 'county',
  部门: 'department',
  单位: 'department',
  乡镇: 'township',
  乡: 'township',
  镇: 'township',
  街道: 'township',
  '乡镇（街道）': 'township',
  其他: 'other',
};

export function parseUnitKind(text: string): 'city' | 'county' | 'department' | 'township' | 'other' | null {
  return kindWords[text.trim()] ?? null;
}

export function parseYesNo(text: string): boolean | null {
  const t = text.trim();
  if (t === '' || ['否', '不是', 'N', 'n', 'no', '0', '×'].includes(t)) return t === '' ? null : false;
  if (['是', 'Y', 'y', 'yes', '1', '√', '✓'].includes(t)) return true;
  return null;
}

/** Unit codes: letters, digits, - and _, up to 32; compared as written. */
export function unitCodeProblem(code: string): string | null {
  if (!code) return '单位代码为空';
  if (code.length > 32) return '单位代码不能超过 32 个字符';
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return '单位代码只能由字母、数字、短横线和下划线组成';
  return null;
}

/** An ID number is shown as its first 6 and last 4 characters only, on screen and in exports. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Mainland resident ID: 18 characters, the last a digit or X, with the GB 11643 check digit. */
export function idNumberProblem(id: string): string | null {
  if (!/^\d{17}[\dXx]$/.test(id)) return '身份证号应为 18 位（最后一位可为 X）';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, wi, i) => s + wi * Number(id[i]), 0);
  const check = '10X98765432'[sum % 11];
  return check === id[17]!.toUpperCase() ? null : '身份证号校验位不正确';
}

/**
 * Orders units so that every parent comes before its children; reports cycles.
 * `parentOf` maps a code to its parent's code (or null); codes absent from the map are taken as existing.
 */
export function parentFirst(parentOf: ReadonlyMap<string, string | null>): { order: string[]; cycles: string[] } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles = new Set<string>();
  const visit = (code: string, path: string[]): void => {
    const st = state.get(code);
    if (st === 'done') return;
    if (st === 'visiting') {
      for (const c of path.slice(path.indexOf(code))) cycles.add(c);
      return;
    }
    state.set(code, 'visiting');
    const p = parentOf.get(code);
    if (p && parentOf.has(p)) visit(p, [...path, code]);
    state.set(code, 'done');
    if (!cycles.has(code)) order.push(code);
  };
  for (const code of parentOf.keys()) visit(code, [code]);
  return { order, cycles: [...cycles] };
}
