import { AutoComplete, Tag } from 'antd';
import { useCall } from '../../api/use-call';

/** A folder to write to: removable drives (U 盘) offered first, any path may be typed. */
export function DrivePicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const drives = useCall('exchange.drives', {});
  return (
    <AutoComplete
      value={value}
      onChange={onChange}
      placeholder="选择 U 盘或输入文件夹路径"
      style={{ width: 420 }}
      options={(drives.data ?? []).map((d) => ({
        value: d.path,
        label: (
          <span>
            {d.removable && <Tag color="blue">U 盘</Tag>}
            {d.label} <span style={{ color: '#999' }}>{d.path}</span>
          </span>
        ),
      }))}
    />
  );
}
