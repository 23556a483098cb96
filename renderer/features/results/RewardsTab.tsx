import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Spin, Statistic, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { XLSX_MIME, downloadBase64 } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { RewardRulesForm } from './RewardRulesForm';

type Row = ChannelOutput<'rewards.get'>['rows'][number];

const yuan = (x: number) => x.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 奖惩核算: the plan's reward rule (versioned), the exclusions, every unit's amount, and the sheet for finance. */
export function RewardsTab({ planId }: { planId: number }) {
  const r = useCall('rewards.get', { planId });
  const exporting = useAction('rewards.export');
  const [editing, setEditing] = useState(false);
  const can = useCan();
  if (r.loading && !r.data) return <Spin />;
  if (r.error) return <Alert type="error" showIcon message={r.error} />;
  const v = r.data!;
  const exportAll = async () => {
    const f = await exporting.run({ planId });
    if (f) downloadBase64(f.fileName, f.base64, XLSX_MIME);
  };
  return (
    <div>
      <Card size="small" style={{ marginBottom: 12 }} title="奖惩办法">
        <Space direction="vertical" style={{ width: '100%' }}>
          {v.words && (
            <Typography.Text data-testid="rewards-words">
              {v.version}：{v.words}
            </Typography.Text>
          )}
          {v.exclusionRules.map((x) => (
            <Typography.Text key={x.label} type="secondary">
              不予奖励：{x.rule}
            </Typography.Text>
          ))}
          {!editing && can('rewards.saveRules') && (
            <Button onClick={() => setEditing(true)} data-testid="rewards-edit">
              {v.version ? '修改奖惩办法' : '设置奖惩办法'}
            </Button>
          )}
          {editing && <RewardRulesForm planId={planId} onDone={() => setEditing(false)} />}
        </Space>
      </Card>
      {v.problems.map((p) => (
        <Alert key={p} type="warning" showIcon message={p} style={{ marginBottom: 12 }} />
      ))}
      {v.problems.length === 0 && (
        <>
          <Space size="large" style={{ marginBottom: 12 }} wrap>
            <Statistic title="奖励合计（元）" value={yuan(v.total)} />
            <Statistic title="获得奖励的单位" value={v.paid} />
            <Statistic title="不予奖励" value={v.excluded} />
            <Statistic title="等次待定、未核算" value={v.undecided} />
            <Button icon={<DownloadOutlined />} loading={exporting.busy} onClick={() => void exportAll()}>
              导出财务核算表（Excel）
            </Button>
          </Space>
          <Table<Row>
            size="small"
            rowKey="unitId"
            dataSource={v.rows}
            pagination={v.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            columns={[
              { title: '序号', width: 60, render: (_, _r, i) => i + 1 },
              { title: '单位', dataIndex: 'name' },
              { title: '考核类别', dataIndex: 'categoryName', width: 140 },
              { title: '总分', dataIndex: 'total', width: 70, align: 'right' },
              {
                title: '等次',
                dataIndex: 'grade',
                width: 80,
                render: (g: string | null) => (g === null ? <Tag color="orange">待定</Tag> : g),
              },
              {
                title: '奖励金额（元）',
                dataIndex: 'amount',
                width: 130,
                align: 'right',
                render: (a: number | null) => (a === null ? '—' : yuan(a)),
              },
              {
                title: '核算说明',
                render: (_, x) => (
                  <>
                    {x.exclusions.map((e) => (
                      <Tag color="red" key={e.source}>
                        {e.source}
                      </Tag>
                    ))}
                    {x.explanation}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
