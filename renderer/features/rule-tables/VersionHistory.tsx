import { Alert, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { ChannelOutput } from '../../../electron/contract';
import { useCall } from '../../api/use-call';
import { formatDateTime } from '../../shared/datetime';
import { cellText, diffRows, type Row } from './diff';

type Column = ChannelOutput<'rule-tables.get'>['columns'][number];

/** Every version, newest first, with what it changed against the one before (rows added, removed, cells changed). */
export function VersionHistory(p: { tableId: number; columns: Column[] }) {
  const h = useCall('rule-tables.history', { id: p.tableId });
  if (h.error) return <Alert type="error" showIcon message={h.error} />;
  if (!h.data) return <Spin />;
  const label = (k: string) => p.columns.find((c) => c.key === k)?.label ?? k;
  const name = (r: Row) => String(r.item ?? r.name ?? r.code ?? '');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rule-history">
      {h.data.map((v, i) => {
        const prev = h.data![i + 1];
        const changes = prev ? diffRows(prev.rows as Row[], v.rows as Row[]) : [];
        return (
          <Card
            key={v.number}
            size="small"
            title={
              <Space>
                <Tag color={i === 0 ? 'blue' : undefined}>第 {v.number} 版</Tag>
                {i === 0 && <Tag color="green">现行</Tag>}
                <span>{v.reason}</span>
              </Space>
            }
            extra={
              <Typography.Text type="secondary">
                {v.editedBy} · {formatDateTime(v.editedAt)}
              </Typography.Text>
            }
          >
            {!prev ? (
              <Typography.Text type="secondary">初始版本，共 {v.rows.length} 条规则。</Typography.Text>
            ) : changes.length === 0 ? (
              <Empty description="与上一版相同" />
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {changes.map((c) => (
                  <li key={`${c.kind}:${name(c.row)}`}>
                    {c.kind === 'added' && (
                      <>
                        <Tag color="green">新增</Tag>
                        {name(c.row)}（{p.columns.map((col) => `${col.label}：${cellText(c.row[col.key])}`).join('；')}
                        ）
                      </>
                    )}
                    {c.kind === 'removed' && (
                      <>
                        <Tag color="red">删除</Tag>
                        <Typography.Text delete>{name(c.row)}</Typography.Text>
                      </>
                    )}
                    {c.kind === 'changed' && (
                      <>
                        <Tag color="orange">修改</Tag>
                        {name(c.row)}：
                        {c.keys.map((k) => (
                          <span key={k} style={{ marginRight: 12 }}>
                            {label(k)} <Typography.Text delete>{cellText(c.before[k])}</Typography.Text> →{' '}
                            <Typography.Text strong>{cellText(c.row[k])}</Typography.Text>
                          </span>
                        ))}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        );
      })}
    </Space>
  );
}
