import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Spin, Table, Tag } from 'antd';
import type { ChannelOutput } from '../../../electron/contract';
import { indicatorKindLabels } from '../../../electron/contract/labels';
import { XLSX_MIME, downloadBase64 } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { GradeTag, UnitMarks } from './RankingTab';

type Line = ChannelOutput<'results.drillDown'>['lines'][number];

/** 得分反查: how a unit's total is made, and each line's method, input, points, words and the records behind it. */
export function DrillDownDrawer(p: { planId: number; unitId: number; onClose(): void }) {
  const d = useCall('results.drillDown', { planId: p.planId, unitId: p.unitId });
  const exporting = useAction('results.exportDrillDown');
  const u = d.data?.unit;
  const exportOne = async () => {
    const f = await exporting.run({ planId: p.planId, unitId: p.unitId });
    if (f) downloadBase64(f.fileName, f.base64, XLSX_MIME);
  };
  return (
    <Drawer
      open
      width={1100}
      title={u ? `${u.name} · 得分反查` : '得分反查'}
      onClose={p.onClose}
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting.busy} disabled={!u} onClick={() => void exportOne()}>
          导出反查表（Excel）
        </Button>
      }
    >
      {d.error && <Alert type="error" showIcon message={d.error} />}
      {!d.data && !d.error && <Spin />}
      {d.data && u && (
        <>
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="考核类别">{u.categoryName}</Descriptions.Item>
            <Descriptions.Item label="类别内排名">
              第{u.rank}名（共{u.of}个）{u.tied ? '，并列' : ''}
            </Descriptions.Item>
            <Descriptions.Item label="等次">
              <GradeTag u={u} />
              <UnitMarks u={u} />
            </Descriptions.Item>
            <Descriptions.Item label="计分规则">{d.data.ruleVersion}</Descriptions.Item>
          </Descriptions>
          <Alert type="info" message={d.data.summary} style={{ marginBottom: 12 }} data-testid="drill-summary" />
          <Table<Line>
            size="small"
            rowKey={(l) => `${l.indicatorId}:${l.targetId ?? ''}`}
            dataSource={d.data.lines}
            pagination={false}
            columns={[
              { title: '指标', dataIndex: 'name' },
              { title: '类别', dataIndex: 'kind', width: 80, render: (k: Line['kind']) => indicatorKindLabels[k] },
              { title: '计分方法', dataIndex: 'method', width: 120 },
              { title: '分值', dataIndex: 'points', width: 60, align: 'right' },
              { title: '数据', dataIndex: 'input', width: 110 },
              { title: '得分', dataIndex: 'earned', width: 60, align: 'right', render: (x: number) => <b>{x}</b> },
              { title: '说明', dataIndex: 'explanation' },
              {
                title: '来源',
                width: 170,
                render: (_, l) => (
                  <>
                    <div>{l.source ?? '—'}</div>
                    {l.refs.map((r) => (
                      <Tag key={`${r.type}:${r.id}`} style={{ marginTop: 2 }}>
                        {r.label}
                      </Tag>
                    ))}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
