import { App, Button, Card, Col, InputNumber, Row, Space, Table } from 'antd';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { downloadBase64, XLSX_MIME } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';

type Count = { key: string; label: string; n: number };

function CountTable({ title, rows }: { title: string; rows: Count[] }) {
  return (
    <Card size="small" title={title}>
      <Table<Count>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '项目', dataIndex: 'label' },
          { title: '数量', dataIndex: 'n', width: 80 },
        ]}
      />
    </Card>
  );
}

/** 问责统计 of a year by state, category, form and unit; the Excel export and the yearly 问责情况通报. */
export function StatsTab() {
  const can = useCan();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const stats = useCall('cases.stats', { year });
  const bulletin = useAction('cases.bulletin', { done: (v) => `问责情况通报 ${v.number} 已生成` });
  const exportXlsx = async () => {
    try {
      const f = await call('cases.export', { year });
      downloadBase64(f.fileName, f.base64, XLSX_MIME);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const s = stats.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        年度
        <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <span>
          立案 {s?.cases ?? 0} 件，作出问责决定 {s?.decisions ?? 0} 件
        </span>
        <Button onClick={() => void exportXlsx()}>导出 Excel</Button>
        {can('cases.bulletin') && (
          <Button loading={bulletin.busy} onClick={() => void bulletin.run({ year })}>
            生成年度问责情况通报
          </Button>
        )}
      </Space>
      <Row gutter={12}>
        <Col span={6}>
          <CountTable title="按状态" rows={s?.byState ?? []} />
        </Col>
        <Col span={6}>
          <CountTable title="按问责情形" rows={s?.byCategory ?? []} />
        </Col>
        <Col span={6}>
          <CountTable title="按问责方式" rows={s?.byForm ?? []} />
        </Col>
        <Col span={6}>
          <CountTable title="按单位" rows={s?.byUnit ?? []} />
        </Col>
      </Row>
    </Space>
  );
}
