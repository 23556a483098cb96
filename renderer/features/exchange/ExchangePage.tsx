import { App, Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { directionLabels, packageKindLabels, relationLabels, tableLabel } from '../../../electron/contract/labels';
import { type Loaded, useCall } from '../../api/use-call';
import { formatDateTime } from '../../shared/datetime';
import { DrivePicker } from './DrivePicker';
import { ImportCard } from './ImportCard';
import { NodesTab } from './NodesTab';
import { usePackageJob } from './PackageJob';

type Overview = ChannelOutput<'exchange.overview'>;
type Pkg = Overview['packages'][number];

const contentsText = (c: Record<string, unknown>) => {
  const tables = (c.tables ?? {}) as Record<string, number>;
  const parts = Object.entries(tables).map(([t, n]) => `${tableLabel(t)} ${n}`);
  if (typeof c.files === 'number' && c.files > 0) parts.push(`文件 ${c.files}`);
  if (c.receiptFor)
    return `第 ${String(c.receiptFor).slice(0, 8)} 号的回执（${c.status === 'accepted' ? '已接收' : '拒收'}）`;
  return parts.join('，') || '没有新的记录';
};

function ExportCard({ overview }: { overview: Loaded<Overview> }) {
  const [nodeId, setNodeId] = useState<string>();
  const [dir, setDir] = useState('');
  const { message } = App.useApp();
  const exporting = usePackageJob((j) => message.success(j.message));
  const nodes = (overview.data?.nodes ?? []).filter((n) => n.keyStatus === 'trusted');
  return (
    <Card title="导出数据包">
      <Typography.Paragraph type="secondary">
        数据包只含对方尚未确认收到的记录，签名并加密，只有对方能打开。先写到临时文件名，读回校验后才改为正式文件名。
      </Typography.Paragraph>
      <Space wrap>
        <Select
          style={{ width: 240 }}
          placeholder="发给"
          value={nodeId}
          onChange={setNodeId}
          options={nodes.map((n) => ({ value: n.id, label: `${relationLabels[n.relation]}：${n.name}` }))}
        />
        <DrivePicker value={dir} onChange={setDir} />
        <Button
          type="primary"
          disabled={!nodeId || !dir || exporting.busy}
          onClick={() => void exporting.start({ action: 'export', nodeId: nodeId!, dir })}
        >
          导出
        </Button>
      </Space>
      {exporting.window}
    </Card>
  );
}

function RecordTab({ overview }: { overview: Loaded<Overview> }) {
  const nodes = overview.data?.nodes ?? [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="各节点收发情况">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={nodes}
          columns={[
            { title: '节点', dataIndex: 'name' },
            {
              title: '最近一次发来',
              dataIndex: 'lastReceived',
              render: (x: (typeof nodes)[number]['lastReceived']) =>
                x ? `第 ${x.seq} 号，${formatDateTime(x.at)}` : <Tag color="orange">尚未发来</Tag>,
            },
            {
              title: '本机发出待回执',
              dataIndex: 'awaitingReceipt',
              render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0),
            },
          ]}
        />
      </Card>
      <Card title="收发记录">
        <Table<Pkg>
          rowKey="packageId"
          size="small"
          loading={overview.loading}
          dataSource={overview.data?.packages ?? []}
          pagination={{ pageSize: 15 }}
          columns={[
            { title: '时间', dataIndex: 'at', render: formatDateTime },
            { title: '方向', dataIndex: 'direction', render: (d: Pkg['direction']) => directionLabels[d] },
            { title: '对方', dataIndex: 'peerName' },
            { title: '种类', dataIndex: 'kind', render: (k: Pkg['kind']) => packageKindLabels[k] },
            { title: '序号', dataIndex: 'seq' },
            { title: '内容', dataIndex: 'contents', render: contentsText },
            {
              title: '回执',
              render: (_: unknown, p: Pkg) =>
                p.direction !== 'out' || p.kind !== 'data' ? (
                  '—'
                ) : p.receiptAt ? (
                  <Tag color={p.receiptStatus === 'accepted' ? 'green' : 'red'} title={p.receiptMessage ?? ''}>
                    {p.receiptStatus === 'accepted' ? '对方已接收' : '对方拒收'}
                  </Tag>
                ) : (
                  <Tag color="orange">未收到回执</Tag>
                ),
            },
            { title: '文件', dataIndex: 'fileName', ellipsis: true },
          ]}
        />
      </Card>
    </Space>
  );
}

/** 数据交换: nodes and fingerprints, export to a stick, import with a dry run, and the record of what moved. */
export function ExchangePage() {
  const overview = useCall('exchange.overview', {});
  return (
    <Tabs
      items={[
        {
          key: 'transfer',
          label: '导出与导入',
          children: (
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <ExportCard overview={overview} />
              <ImportCard />
            </Space>
          ),
        },
        { key: 'record', label: '收发记录与回执', children: <RecordTab overview={overview} /> },
        { key: 'nodes', label: '节点与指纹', children: <NodesTab overview={overview} /> },
      ]}
    />
  );
}
