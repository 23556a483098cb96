import { Select, type SelectProps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ChannelOutput } from '../../electron/contract';
import { useCall } from '../api/use-call';

/** A unit as either source gives it: the full row, or the names the administrator may read (users.units). */
type Unit = ChannelOutput<'units.list'>[number] | ChannelOutput<'users.units'>[number];
const codeOf = (u: Unit) => ('code' in u ? u.code : '');
type Value = number | number[] | null | undefined;

export interface UnitOption {
  value: number;
  /** What the box shows once chosen: the name, told apart by its parent when another unit has the same name. */
  label: string;
  title: string;
  /** The units above it, for the list: 示例县人民政府 / 东河乡人民政府. */
  path: string;
  search: string;
  disabled: boolean;
  unit: Unit;
}

type Fixed = 'options' | 'showSearch' | 'filterOption' | 'optionRender';
export interface UnitSelectProps extends Omit<SelectProps<Value, UnitOption>, Fixed> {
  /** Offer stopped units too (a filter over past work). Otherwise only a stopped unit already chosen shows. */
  includeInactive?: boolean;
  /** Show each unit's code after its name. */
  withCode?: boolean;
  /** Units that cannot be chosen here (a unit and those below it, as its own parent). */
  disabledIds?: ReadonlySet<number>;
  /** Where the units come from: the org data, or for the administrator their names only (三员分立). */
  source?: 'units.list' | 'users.units';
}

/** Units in tree order (each parent before its children), a unit whose parent is missing at the top. */
function treeOrder(units: Unit[]): Unit[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, Unit[]>();
  for (const u of units) {
    const p = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(p, [...(children.get(p) ?? []), u]);
  }
  const out: Unit[] = [];
  const walk = (p: number | null) =>
    children.get(p)?.forEach((u) => {
      out.push(u);
      if (u.id !== p) walk(u.id);
    });
  walk(null);
  return out;
}

function toOptions(units: Unit[], chosen: Set<number>, p: UnitSelectProps): UnitOption[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const sameName = new Map<string, number>();
  units.forEach((u) => sameName.set(u.name, (sameName.get(u.name) ?? 0) + 1));
  const above = (u: Unit) => {
    const names: string[] = [];
    const seen = new Set([u.id]);
    for (let a = byId.get(u.parentId ?? -1); a && !seen.has(a.id); a = byId.get(a.parentId ?? -1)) {
      seen.add(a.id);
      names.unshift(a.shortName ?? a.name);
    }
    return names;
  };
  return treeOrder(units)
    .filter((u) => u.active || p.includeInactive || chosen.has(u.id))
    .map((u) => {
      const path = above(u);
      const twin = (sameName.get(u.name) ?? 0) > 1;
      // the code when asked for, or to tell twins apart at the top; otherwise twins by the unit above them
      const apart = (p.withCode || (twin && !path.length)) && codeOf(u) ? codeOf(u) : twin ? path.at(-1) : undefined;
      const label = apart ? `${u.name}（${apart}）` : u.name;
      const shown = u.active ? label : `${label}（已停用）`;
      return {
        value: u.id,
        label: shown,
        title: shown,
        path: path.join(' / '),
        search: [u.name, u.shortName ?? '', codeOf(u), ...path].join(' ').toLowerCase(),
        disabled: (!u.active && !p.includeInactive) || !!p.disabledIds?.has(u.id),
        unit: u,
      };
    });
}

/** Every unit words match: “东河 财政” finds the 财政所 under 东河乡. */
const matches = (input: string, o?: UnitOption) =>
  !!o &&
  input
    .toLowerCase()
    .split(/\s+/)
    .every((w) => o.search.includes(w));

/**
 * The one unit picker: searchable by name, short name, code or the units above; each option shows where the unit
 * sits, so a dozen 财政所 under different towns can be told apart. Works inside a Form.Item like a Select.
 */
export function UnitSelect({ includeInactive, withCode, disabledIds, source, ...rest }: UnitSelectProps) {
  const chosen = ([] as Value[])
    .concat(rest.value)
    .filter((x): x is number => typeof x === 'number')
    .join(',');
  // the 2,000 units of a city are read when the picker is first opened or holds a unit, not with every page
  const [opened, setOpened] = useState(false);
  const units = useCall(source ?? 'units.list', {}, { enabled: opened || chosen !== '' });
  const options = useMemo(() => {
    const ids = new Set(chosen.split(',').map(Number));
    return toOptions(units.data ?? [], ids, { includeInactive, withCode, disabledIds });
  }, [units.data, chosen, includeInactive, withCode, disabledIds]);
  return (
    <Select<Value, UnitOption>
      showSearch
      loading={units.loading}
      notFoundContent={units.error ?? undefined}
      placeholder="选择单位（可输入名称、代码或上级单位查找）"
      {...rest}
      onFocus={(e) => {
        setOpened(true);
        rest.onFocus?.(e);
      }}
      onMouseEnter={(e) => {
        setOpened(true);
        rest.onMouseEnter?.(e);
      }}
      options={options}
      filterOption={matches}
      optionRender={(o) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
          <span>{o.data.label}</span>
          {o.data.path && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: '55%' }}>
              {o.data.path}
            </Typography.Text>
          )}
        </div>
      )}
    />
  );
}
