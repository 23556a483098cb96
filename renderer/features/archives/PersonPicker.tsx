import { Select } from 'antd';
import { useState } from 'react';
import { useCall } from '../../api/use-call';

/** A person found by name or 人员编号 (searched on the server, 20 at a time), shown with their unit. */
export function PersonPicker(p: {
  value?: number | null;
  onChange?(id: number | null): void;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}) {
  const [search, setSearch] = useState('');
  const list = useCall('people.list', { search: search || undefined, limit: 20, includeInactive: true });
  return (
    <Select<number>
      showSearch
      allowClear
      filterOption={false}
      value={p.value ?? undefined}
      placeholder={p.placeholder ?? '输入姓名或人员编号查找'}
      onSearch={setSearch}
      onChange={(v) => p.onChange?.(v ?? null)}
      loading={list.loading}
      style={p.style ?? { width: 280 }}
      data-testid={p['data-testid']}
      options={(list.data?.rows ?? []).map((r) => ({
        value: r.id,
        label: `${r.name}（${r.unitName}${r.post ? ` ${r.post}` : ''}）`,
      }))}
    />
  );
}
