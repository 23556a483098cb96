import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, List, Select, Space, Typography } from 'antd';

type Key = 'veto' | 'total' | 'base' | 'deduction' | 'code';

/**
 * The ranking keys as an ordered list: the first that differs decides; units equal on every key share a rank (with
 * 单位编码 last, no two units are equal). The words are core's (results.rules' rankKeys).
 */
export function RankOrderEditor(p: {
  keys: { key: Key; words: string }[];
  value: Key[];
  onChange(v: Key[]): void;
  disabled?: boolean;
}) {
  const words = new Map(p.keys.map((k) => [k.key, k.words]));
  const move = (i: number, d: -1 | 1) => {
    const v = [...p.value];
    [v[i], v[i + d]] = [v[i + d]!, v[i]!];
    p.onChange(v);
  };
  const left = p.keys.filter((k) => !p.value.includes(k.key));
  return (
    <div data-testid="rank-order">
      <List
        size="small"
        bordered
        dataSource={p.value}
        renderItem={(k, i) => (
          <List.Item
            actions={[
              <Button
                key="up"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={p.disabled || i === 0}
                onClick={() => move(i, -1)}
                aria-label="上移"
              />,
              <Button
                key="down"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={p.disabled || i === p.value.length - 1}
                onClick={() => move(i, 1)}
                aria-label="下移"
              />,
              <Button
                key="remove"
                size="small"
                danger
                icon={<DeleteOutlined />}
                disabled={p.disabled || p.value.length === 1}
                onClick={() => p.onChange(p.value.filter((x) => x !== k))}
                aria-label="移除"
              />,
            ]}
          >
            <Typography.Text>
              {i + 1}. {words.get(k)}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Space style={{ marginTop: 8 }}>
        <Select<Key>
          style={{ width: 260 }}
          placeholder="添加比较项"
          value={null as unknown as Key}
          disabled={p.disabled || left.length === 0}
          options={left.map((k) => ({ value: k.key, label: k.words }))}
          onChange={(k) => p.onChange([...p.value, k])}
          data-testid="rank-order-add"
        />
        <Typography.Text type="secondary">
          {p.value.includes('code') ? '最后按单位编码区分，不会并列。' : '以上各项都相同的单位并列。'}
        </Typography.Text>
      </Space>
    </div>
  );
}
