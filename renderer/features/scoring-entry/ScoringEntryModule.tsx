import { Alert, Button, Empty, Progress, Select, Space, Spin, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCall } from '../../api/use-call';
import type { SignedInUser } from '../../app/auth-context';
import { formatDateTime } from '../../shared/datetime';
import { type BodyRow, ScoreGrid } from './ScoreGrid';
import { SelfGrid } from './SelfGrid';
import { SheetTag } from './SheetTag';

/** Plans whose scores can be read here: being scored, or scored already. */
const scored = new Set(['scoring', 'results', 'closed']);

/**
 * 评分录入: pick the plan and the 考核责任单位 → its grid. The office sees every body's sheet with its state; a
 * 录入员 his own body's (when his unit is one) and his unit's 自评.
 */
export function ScoringEntryModule({ user }: { user: SignedInUser }) {
  const plans = useCall('plans.list', {});
  const [planId, setPlanId] = useState<number | null>(null);
  const list = (plans.data ?? []).filter((p) => scored.has(p.state));
  useEffect(() => {
    if (planId === null && list[0]) setPlanId((list.find((p) => p.state === 'scoring') ?? list[0]).id);
  }, [list, planId]);

  if (plans.loading && !plans.data) return <Spin />;
  if (plans.error) return <Alert type="error" showIcon message={plans.error} />;
  if (planId === null) return <Empty description="还没有进入“考核评分”阶段的考核方案。" />;
  return (
    <div>
      <Select
        style={{ width: 360, marginBottom: 12 }}
        value={planId}
        onChange={setPlanId}
        options={list.map((p) => ({ value: p.id, label: `${p.year} 年 · ${p.title}` }))}
        data-testid="entry-plan"
      />
      <PlanEntry key={planId} planId={planId} clerk={user.role === 'clerk'} />
    </div>
  );
}

function PlanEntry({ planId, clerk }: { planId: number; clerk: boolean }) {
  const bodies = useCall('scores.bodies', { planId });
  const [body, setBody] = useState<string | null>(null);
  const rows = bodies.data?.bodies ?? [];
  useEffect(() => {
    if (body === null && rows.length === 1) setBody(rows[0]!.body);
  }, [rows, body]);
  if (bodies.loading && !bodies.data) return <Spin />;
  if (bodies.error) return <Alert type="error" showIcon message={bodies.error} />;
  const chosen = rows.find((b) => b.body === body);

  const sheets = (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {bodies.data?.problem && <Alert type="info" showIcon message={bodies.data.problem} />}
      {rows.length > 1 && <BodiesTable rows={rows} chosen={body} onOpen={setBody} />}
      {rows.length === 0 && !bodies.data?.problem && <Empty description="本方案没有需要考核责任单位录入的指标。" />}
      {chosen && (
        <div>
          <Typography.Title level={5} data-testid="grid-title">
            {chosen.label} 评分表
          </Typography.Title>
          <ScoreGrid key={chosen.body} planId={planId} body={chosen} />
        </div>
      )}
    </Space>
  );
  const self = bodies.data?.selfUnit;
  if (!clerk || !self) return sheets;
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'sheets', label: '评分表', children: sheets },
        { key: 'self', label: '本单位自评', children: <SelfGrid planId={planId} /> },
      ]}
    />
  );
}

/** Every body's sheet: how far it is, its state, who submitted it, why it was returned. */
function BodiesTable(p: { rows: BodyRow[]; chosen: string | null; onOpen(body: string): void }) {
  return (
    <Table<BodyRow>
      size="small"
      rowKey="body"
      dataSource={p.rows}
      pagination={false}
      data-testid="bodies"
      rowClassName={(r) => (r.body === p.chosen ? 'ant-table-row-selected' : '')}
      columns={[
        { title: '考核责任单位', dataIndex: 'label', width: 180 },
        { title: '指标', dataIndex: 'items', width: 60 },
        {
          title: '进度',
          width: 200,
          render: (_, r) => (
            <Progress
              size="small"
              percent={r.cells ? Math.round((r.entered / r.cells) * 100) : 0}
              format={() => `${r.entered}/${r.cells}`}
            />
          ),
        },
        { title: '状态', width: 90, render: (_, r) => <SheetTag state={r.state} /> },
        {
          title: '报送 / 退回',
          render: (_, r) =>
            r.state === 'returned'
              ? `退回原因：${r.returnReason ?? ''}`
              : r.submittedAt
                ? `${r.submittedBy ?? ''} ${formatDateTime(r.submittedAt)} 报送`
                : '',
        },
        {
          title: '',
          width: 80,
          render: (_, r) => (
            <Button size="small" type="link" onClick={() => p.onOpen(r.body)} data-testid={`open-${r.label}`}>
              {r.canEdit ? '录入' : '查看'}
            </Button>
          ),
        },
      ]}
    />
  );
}
