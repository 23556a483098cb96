import { Button, Card, Checkbox, DatePicker, Form, Input, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { roleLabels, type Role } from '../../../electron/contract/labels';
import { XLSX_MIME, downloadBase64 } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { VerifyCard } from './VerifyCard';
import { formatDateTimeSeconds } from '../../shared/datetime';

type Row = ChannelOutput<'audit.list'>['rows'][number];
interface Filter {
  range?: [Dayjs, Dayjs] | null;
  actor?: string;
  action?: string;
  refusedOnly?: boolean;
}

function toQuery(f: Filter) {
  const action = f.action?.trim() ?? '';
  // refused calls are logged as refused:<channel>, their rate-limited rest as refused
  const refused = action ? `refused:${action}` : 'refused';
  return {
    ...(f.range ? { from: f.range[0].startOf('day').valueOf(), to: f.range[1].endOf('day').valueOf() } : {}),
    ...(f.actor?.trim() ? { actor: f.actor.trim() } : {}),
    ...(f.refusedOnly ? { action: refused } : action ? { action } : {}),
  };
}

/** The security auditor's page: verify the chain, filter the trail, export it to Excel. */
export function AuditPage() {
  const [filter, setFilter] = useState<ReturnType<typeof toQuery>>({});
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useCall('audit.list', { ...filter, offset: (page - 1) * pageSize, limit: pageSize });
  const exporting = useAction('audit.export', { done: (r) => `已导出 ${r.rows} 条` });

  const exportXlsx = async () => {
    const r = await exporting.run(filter);
    if (r) downloadBase64(r.fileName, r.base64, XLSX_MIME);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <VerifyCard />
      <Card
        title="审计日志"
        extra={
          <Button loading={exporting.busy} onClick={exportXlsx}>
            导出 Excel
          </Button>
        }
      >
        <Form<Filter>
          layout="inline"
          style={{ marginBottom: 16 }}
          onFinish={(f) => {
            setPage(1);
            setFilter(toQuery(f));
          }}
        >
          <Form.Item name="range">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="actor">
            <Input placeholder="操作人" allowClear />
          </Form.Item>
          <Form.Item name="action">
            <Input placeholder="功能，如 auth 或 backup.restore" allowClear />
          </Form.Item>
          <Form.Item name="refusedOnly" valuePropName="checked">
            <Checkbox>仅被拒绝的调用</Checkbox>
          </Form.Item>
          <Button htmlType="submit">筛选</Button>
        </Form>
        <Table<Row>
          rowKey="seq"
          size="small"
          loading={list.loading}
          dataSource={list.data?.rows ?? []}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 条`,
          }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 70 },
            { title: '时间', dataIndex: 'at', render: (t: number) => formatDateTimeSeconds(t), width: 170 },
            { title: '操作人', dataIndex: 'actor' },
            { title: '角色', dataIndex: 'role', render: (r: string) => roleLabels[r as Role] ?? '（未登录）' },
            { title: '操作', dataIndex: 'title' },
            { title: '对象', dataIndex: 'target' },
            {
              title: '结果',
              key: 'outcome',
              render: (_, r) =>
                (JSON.parse(r.detail) as { outcome?: string; reason?: string }).outcome === 'refused' ? (
                  <span style={{ color: '#c0392b' }}>拒绝：{(JSON.parse(r.detail) as { reason?: string }).reason}</span>
                ) : (
                  '成功'
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
