import { Select } from 'antd';
import { useCall } from '../../api/use-call';

/** A person of one unit (optional): the subject of a complaint, the audited leader, the person of a transfer. */
export function PersonSelect({
  unitId,
  value,
  onChange,
  placeholder = '（不涉及具体人员）',
}: {
  unitId: number | undefined;
  value?: number | null;
  onChange?(v: number | null): void;
  placeholder?: string;
}) {
  const people = useCall(
    'people.list',
    { unitId: unitId ?? 0, includeSubunits: false, limit: 500 },
    { enabled: !!unitId },
  );
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      disabled={!unitId}
      options={(people.data?.rows ?? []).map((p) => ({
        value: p.id,
        label: `${p.name}${p.post ? `（${p.post}）` : ''}`,
      }))}
    />
  );
}
