import { Alert, Button, Card, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { useCall } from '../../api/use-call';
import { formatDateTime } from '../../shared/datetime';
import type { PublicationView } from './PublicationPage';

type Head = PublicationView['snapshots'][number];
type Ranked = ChannelOutput<'publications.snapshot'>['categories'][number]['rows'][number];
type Line = ChannelOutput<'publications.unit'>['lines'][number];

/** Every frozen result of the plan, the first and those after upheld objections, each kept and viewable. */
export function SnapshotsCard({ v }: { v: PublicationView }) {
  const [viewing, setViewing] = useState<number | null>(null);
  const latest = v.snapshots.at(-1)?.no;
  return (
    <Card size="small" title="冻结的考核结果" data-testid="snapshots">
      <Table<Head>
        size="small"
        rowKey="no"
        pagination={false}
        dataSource={v.snapshots}
        columns={[
          {
            title: '次序',
            dataIndex: 'no',
            width: 110,
            render: (no: number) => (
              <Space>
                第 {no} 次{no === latest && <Tag color="green">现行</Tag>}
              </Space>
            ),
          },
          {
            title: '原因',
            dataIndex: 'reason',
            render: (r: string, s) => (
              <>
                {r}
                {s.incompleteReason && (
                  <Typography.Text type="secondary">（未全部评分即冻结：{s.incompleteReason}）</Typography.Text>
                )}
              </>
            ),
          },
          { title: '单位数', dataIndex: 'unitCount', width: 80 },
          { title: '冻结人', dataIndex: 'madeBy', width: 100 },
          { title: '时间', dataIndex: 'madeAt', width: 150, render: (t: number) => formatDateTime(t) },
          {
            title: '',
            width: 70,
            render: (_, s) => (
              <Button size="small" onClick={() => setViewing(s.no)} data-testid={`view-snapshot-${s.no}`}>
                查看
              </Button>
            ),
          },
        ]}
      />
      {viewing !== null && <SnapshotDrawer planId={v.planId} no={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
}

function SnapshotDrawer({ planId, no, onClose }: { planId: number; no: number; onClose(): void }) {
  const s = useCall('publications.snapshot', { planId, no });
  return (
    <Drawer open width={900} title={`第 ${no} 次冻结的考核结果`} onClose={onClose}>
      {s.error && <Alert type="error" showIcon message={s.error} />}
      {s.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {s.data.reason}；{s.data.madeBy} 于 {formatDateTime(s.data.madeAt)} 冻结。计分规则：{s.data.ruleVersion}
            ；指标版本：{s.data.indicatorVersion}
            {s.data.ruleTables.length > 0 &&
              `；规则表：${s.data.ruleTables.map((t) => `${t.name}（${t.version}）`).join('、')}`}
            。{s.data.order}。
          </Typography.Text>
          {s.data.categories.map((c) => (
            <div key={c.name}>
              <Typography.Title level={5}>
                {c.name}（{c.rows.length} 个单位）
              </Typography.Title>
              <Table<Ranked>
                size="small"
                rowKey="unitId"
                pagination={false}
                dataSource={c.rows}
                expandable={{ expandedRowRender: (r) => <UnitLines planId={planId} no={no} unitId={r.unitId} /> }}
                columns={[
                  { title: '名次', dataIndex: 'rank', width: 60 },
                  { title: '单位', dataIndex: 'unit' },
                  { title: '基础得分', dataIndex: 'base', width: 90 },
                  { title: '加分', dataIndex: 'bonus', width: 70 },
                  { title: '扣分', dataIndex: 'deduction', width: 70 },
                  {
                    title: '总分',
                    dataIndex: 'total',
                    width: 80,
                    render: (t: number, r) => (
                      <>
                        {t}
                        {!r.complete && <Tag color="orange">未全部评分</Tag>}
                        {r.vetoed && <Tag color="red">一票否决</Tag>}
                      </>
                    ),
                  },
                  { title: '等次', dataIndex: 'grade', width: 80 },
                ]}
              />
            </div>
          ))}
        </Space>
      )}
    </Drawer>
  );
}

/** One unit's lines in a frozen result: what each item scored and why (得分反查). */
export function UnitLines({ planId, no, unitId }: { planId: number; no: number; unitId: number }) {
  const u = useCall('publications.unit', { planId, no, unitId });
  if (u.error) return <Alert type="error" showIcon message={u.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {u.data && <Typography.Text>{u.data.summary}</Typography.Text>}
      <Table<Line>
        size="small"
        loading={u.loading}
        rowKey={(l) => `${l.indicatorId}:${l.targetId ?? ''}`}
        pagination={false}
        dataSource={u.data?.lines ?? []}
        columns={[
          { title: '指标', dataIndex: 'name', width: 200 },
          { title: '得分', dataIndex: 'earned', width: 70 },
          { title: '说明', dataIndex: 'explanation' },
          { title: '来源', dataIndex: 'source', width: 150 },
        ]}
      />
    </Space>
  );
}
