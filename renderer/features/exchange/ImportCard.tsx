import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { tableLabel } from '../../../electron/contract/labels';
import { formatDateTime } from '../../shared/datetime';
import { usePackageJob } from './PackageJob';

type Outcome = ChannelOutput<'exchange.inspect'>;
type Conflict = Outcome['summary']['conflicts'][number];
type Row = NonNullable<Conflict['local']>;

const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Both versions of a conflicting record, field by field; a differing field is marked. */
function SideBySide({ c }: { c: Conflict }) {
  const keys = [...new Set([...Object.keys(c.incoming.fields), ...Object.keys(c.local?.fields ?? {})])];
  const meta = (r: Row | null) => (r ? `第 ${r.version} 版，${formatDateTime(r.updatedAt)}` : '本机没有');
  return (
    <Card
      size="small"
      title={`${tableLabel(c.table)} ${c.uuid.slice(0, 8)}：${c.message}`}
      style={{ marginBottom: 12 }}
    >
      <Table
        size="small"
        pagination={false}
        rowKey="k"
        dataSource={[{ k: '(版本)', mine: meta(c.local), theirs: meta(c.incoming) }].concat(
          keys.map((k) => ({ k, mine: show(c.local?.fields[k]), theirs: show(c.incoming.fields[k]) })),
        )}
        columns={[
          { title: '字段', dataIndex: 'k', width: 160 },
          { title: '本机现有', dataIndex: 'mine' },
          {
            title: '数据包中的',
            dataIndex: 'theirs',
            render: (v: string, r: { mine: string }) =>
              v !== r.mine ? <Typography.Text mark>{v}</Typography.Text> : v,
          },
        ]}
      />
    </Card>
  );
}

function Preview({ o }: { o: Outcome }) {
  const rows = Object.entries(o.summary.byTable).map(([t, c]) => ({ t, ...c }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {o.header && (
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label="来自">{o.header.fromName}</Descriptions.Item>
          <Descriptions.Item label="序号">
            第 {o.header.seq} 号{o.header.kind === 'receipt' ? '（回执）' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="导出时间">{formatDateTime(o.header.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="对方审计日志">
            {o.header.audit ? `第 ${o.header.audit.seq} 条 ${o.header.audit.hash.slice(0, 16)}` : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Alert
        type={o.status === 'refused' ? 'error' : o.status === 'accepted' ? 'success' : 'info'}
        showIcon
        message={o.stageLabel ? `【${o.stageLabel}】${o.message}` : o.message}
        description={o.gap > 0 ? `在它之前还缺少对方的 ${o.gap} 个数据包。` : undefined}
      />
      {rows.length > 0 && (
        <Table
          size="small"
          rowKey="t"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '类型', dataIndex: 't', render: tableLabel },
            { title: '新增', dataIndex: 'created' },
            { title: '更新', dataIndex: 'updated' },
            { title: '不变', dataIndex: 'unchanged' },
            { title: '冲突', dataIndex: 'conflicts', render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0) },
            { title: '错误', dataIndex: 'errors', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
          ]}
        />
      )}
      {o.summary.errors.map((e) => (
        <Typography.Text key={`${e.uuid}${e.field}`} type="danger">
          {tableLabel(e.table)} {e.uuid.slice(0, 8)}，字段“{e.field}”：{e.message}
        </Typography.Text>
      ))}
      {o.summary.conflicts.map((c) => (
        <SideBySide key={c.uuid} c={c} />
      ))}
    </Space>
  );
}

/**
 * Import: the dry run first (the same checks and summary as the import), then the import on confirmation; both run
 * in the background with their steps shown and a cancel that keeps nothing.
 */
export function ImportCard() {
  const { message } = App.useApp();
  const [file, setFile] = useState('');
  const [checked, setChecked] = useState<Outcome | null>(null);
  const job = usePackageJob((j) => {
    const r = j.result as Outcome;
    setChecked(r);
    // only the import answers accepted; the dry run answers checked or refused
    if (r.status === 'accepted')
      message.success(r.receiptFile ? `已导入。回执已写到 ${r.receiptFile}，请带回给对方导入` : '已导入');
  });
  return (
    <Card title="导入数据包">
      <Space wrap>
        <Input
          style={{ width: 560 }}
          placeholder="数据包路径（.kpx），例如 E:\\示例市考评办至示例县考评办-数据-0001-xxxxxxxx.kpx"
          value={file}
          onChange={(e) => {
            setFile(e.target.value);
            setChecked(null);
          }}
        />
        <Button
          disabled={!file.trim() || job.busy}
          onClick={() => void job.start({ action: 'inspect', file: file.trim() })}
        >
          试导入（预览）
        </Button>
        <Button
          type="primary"
          disabled={checked?.status !== 'checked' || job.busy}
          onClick={() => void job.start({ action: 'import', file: file.trim(), confirm: true })}
        >
          确认导入
        </Button>
      </Space>
      {job.window}
      {checked && (
        <div style={{ marginTop: 16 }} data-testid="import-preview">
          <Preview o={checked} />
        </div>
      )}
    </Card>
  );
}
