import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Switch, Table, Tooltip } from 'antd';
import type { ChannelOutput } from '../../../electron/contract';
import { cellText, type Row } from './diff';

type Column = ChannelOutput<'rule-tables.get'>['columns'][number];

/**
 * The rows of a rule table, read or edited in place: each column's editor follows its type. A row a part of the
 * system reads by its code cannot be deleted (the core refuses it too) and keeps its code.
 */
export function RuleRowsTable(p: {
  columns: Column[];
  rows: Row[];
  required: string[];
  editing: boolean;
  onChange(rows: Row[]): void;
}) {
  const set = (i: number, key: string, value: string | number | boolean) =>
    p.onChange(p.rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const locked = (r: Row) => p.required.includes(String(r.code));
  const editor = (c: Column, r: Row, i: number) => {
    const v = r[c.key];
    const aria = `第${i + 1}行${c.label}`;
    switch (c.type) {
      case 'bool':
        return <Switch size="small" checked={v === true} aria-label={aria} onChange={(x) => set(i, c.key, x)} />;
      case 'points':
        return (
          <InputNumber
            size="small"
            min={0}
            max={100}
            step={0.1}
            precision={2}
            value={typeof v === 'number' ? v : null}
            aria-label={aria}
            onChange={(x) => set(i, c.key, x ?? 0)}
            style={{ width: 80 }}
          />
        );
      case 'count':
        return (
          <InputNumber
            size="small"
            min={0}
            max={c.max ?? 999}
            step={1}
            precision={0}
            value={typeof v === 'number' ? v : null}
            aria-label={aria}
            onChange={(x) => set(i, c.key, x ?? 0)}
            style={{ width: 80 }}
          />
        );
      case 'choice':
        return (
          <Select
            size="small"
            value={v as string}
            aria-label={aria}
            options={(c.options ?? []).map((o) => ({ value: o, label: o }))}
            onChange={(x: string) => set(i, c.key, x)}
            style={{ width: '100%', minWidth: 90 }}
          />
        );
      default:
        return (
          <Input
            size="small"
            value={String(v ?? '')}
            aria-label={aria}
            disabled={c.type === 'code' && locked(r)}
            maxLength={c.max}
            status={c.required && !String(v ?? '').trim() ? 'error' : undefined}
            onChange={(e) => set(i, c.key, e.target.value)}
          />
        );
    }
  };
  return (
    <Table<Row & { __i: number }>
      size="small"
      bordered
      pagination={false}
      rowKey="__i"
      dataSource={p.rows.map((r, i) => ({ ...r, __i: i }))}
      scroll={{ x: 1100 }}
      data-testid="rule-rows"
      columns={[
        ...p.columns.map((c) => ({
          title: c.label,
          key: c.key,
          width: c.wide ? 260 : c.type === 'bool' ? 80 : c.type === 'points' || c.type === 'count' ? 90 : 120,
          render: (_: unknown, r: Row & { __i: number }) =>
            p.editing
              ? editor(c, r, r.__i)
              : c.type === 'points'
                ? `${cellText(r[c.key])} 分`
                : c.type === 'count'
                  ? `${cellText(r[c.key])} ${c.unit ?? ''}`
                  : cellText(r[c.key]),
        })),
        ...(p.editing
          ? [
              {
                title: '',
                key: 'remove',
                width: 50,
                render: (_: unknown, r: Row & { __i: number }) => (
                  <Tooltip title={locked(r) ? '系统自动计分使用这条规则，不能删除；不再扣分的请把分值改为 0' : '删除'}>
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除第${r.__i + 1}行`}
                      disabled={locked(r)}
                      onClick={() => p.onChange(p.rows.filter((_, j) => j !== r.__i))}
                    />
                  </Tooltip>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
