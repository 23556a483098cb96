import { DownloadOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { approvalStandingLabels } from '../../../electron/contract/labels';
import { call } from '../../api/client';
import { XLSX_MIME, downloadBase64 } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { ImportWizard } from '../../shared/ImportWizard';
import { DocumentPreview } from '../plans/DocumentPreview';
import { CostTab } from './CostTab';

type View = ChannelOutput<'efficiency.list'>;
type UnitRow = View['units'][number];
type OverRow = View['over'][number];

const quarters = [
  { value: 0, label: '全年' },
  { value: 1, label: '一季度' },
  { value: 2, label: '二季度' },
  { value: 3, label: '三季度' },
  { value: 4, label: '四季度' },
];
const standingColor: Record<OverRow['standing'], string> = {
  onTime: 'green',
  pending: 'default',
  late: 'orange',
  overdue: 'red',
};
const rateColor = (r: number | null) => (r === null ? 'default' : r >= 95 ? 'green' : r >= 80 ? 'gold' : 'red');

/** 审批效率与行政成本 (issue 16 item 3): import the office's records, see each unit, publish the quarter's list. */
export function EfficiencyPage() {
  const can = useCan();
  const { message } = App.useApp();
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear());
  const [quarter, setQuarter] = useState(Math.floor(now.getMonth() / 3) + 1);
  const [importing, setImporting] = useState<'approvals' | 'costs' | null>(null);
  const [preview, setPreview] = useState<{ id: number; title: string } | null>(null);
  const period = { year, quarter: quarter || null };
  const view = useCall('efficiency.list', period);
  const publish = useAction('efficiency.publish', { done: (d) => `已生成 ${d.number}` });
  const [exporting, setExporting] = useState(false);

  const doPublish = async () => {
    const d = await publish.run(period);
    if (d) setPreview({ id: d.documentId, title: d.title });
  };
  const doExport = async () => {
    setExporting(true);
    try {
      const f = await call('efficiency.export', period);
      downloadBase64(f.fileName, f.base64, XLSX_MIME);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const years = Array.from({ length: 6 }, (_, i) => now.getFullYear() - 4 + i);
  return (
    <div data-testid="efficiency-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          data-testid="efficiency-year"
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <Segmented value={quarter} onChange={(v) => setQuarter(Number(v))} options={quarters} />
        {can('efficiency.import') && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting('approvals')} data-testid="import-approvals">
            导入审批办件
          </Button>
        )}
        {can('cost.import') && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting('costs')}>
            导入行政成本
          </Button>
        )}
        {can('efficiency.publish') && (
          <Button
            type="primary"
            icon={<FileTextOutlined />}
            loading={publish.busy}
            disabled={!view.data?.units.length}
            onClick={doPublish}
            data-testid="efficiency-publish"
          >
            生成审批绩效通报
          </Button>
        )}
        <Button icon={<DownloadOutlined />} loading={exporting} disabled={!view.data?.units.length} onClick={doExport}>
          导出 Excel
        </Button>
      </Space>
      {view.error && <Alert type="error" showIcon message={view.error} style={{ marginBottom: 12 }} />}
      {view.data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {view.data.period.label}（{view.data.period.from} 至 {view.data.period.to}，未办结的截至 {view.data.asOf}
          ）。{view.data.rule}
        </Typography.Paragraph>
      )}
      <Tabs
        items={[
          {
            key: 'units',
            label: '各单位审批效率',
            children: <UnitsTable view={view.data} loading={view.loading} />,
          },
          {
            key: 'over',
            label: `超过时限的办件${view.data ? `（${view.data.over.length}）` : ''}`,
            children: <OverTable rows={view.data?.over ?? []} loading={view.loading} showUnit />,
          },
          { key: 'cost', label: `${year} 年度行政成本`, children: <CostTab year={year} /> },
        ]}
      />
      <ImportWizard
        open={importing === 'approvals'}
        kind={{
          label: '审批办件',
          keyLabel: '单位 / 办件编号',
          preview: (f) => call('efficiency.importPreview', f),
          errors: (f) => call('efficiency.importErrors', f),
          commit: 'efficiency.import',
          template: () => call('efficiency.template', {}),
        }}
        onClose={() => setImporting(null)}
      />
      <ImportWizard
        open={importing === 'costs'}
        kind={{
          label: '行政成本',
          keyLabel: '单位 / 年度',
          preview: (f) => call('cost.importPreview', f),
          errors: (f) => call('cost.importErrors', f),
          commit: 'cost.import',
          template: () => call('cost.template', { year }),
        }}
        onClose={() => setImporting(null)}
      />
      {preview && <DocumentPreview id={preview.id} title={preview.title} onClose={() => setPreview(null)} />}
    </div>
  );
}

function UnitsTable({ view, loading }: { view: View | undefined; loading: boolean }) {
  const overOf = (unitId: number) => (view?.over ?? []).filter((o) => o.unitId === unitId);
  return (
    <Table<UnitRow>
      rowKey="unitId"
      size="small"
      loading={loading}
      dataSource={view?.units ?? []}
      pagination={false}
      data-testid="efficiency-units"
      locale={{ emptyText: '本期没有受理的审批办件。请导入审批办件（按受理日期归入季度）。' }}
      expandable={{
        rowExpandable: (r) => r.late + r.overdue > 0,
        expandedRowRender: (r) => <OverTable rows={overOf(r.unitId)} loading={false} />,
      }}
      columns={[
        { title: '序号', width: 60, render: (_v, _r, i) => i + 1 },
        { title: '单位', dataIndex: 'unitName' },
        { title: '办件数', dataIndex: 'cases', width: 80, align: 'right' },
        { title: '按时办结', dataIndex: 'onTime', width: 90, align: 'right' },
        { title: '超期办结', dataIndex: 'late', width: 90, align: 'right' },
        { title: '逾期未办结', dataIndex: 'overdue', width: 100, align: 'right' },
        { title: '在办', dataIndex: 'pending', width: 70, align: 'right' },
        {
          title: '按时办结率',
          dataIndex: 'rate',
          width: 110,
          align: 'right',
          render: (r: number | null) => <Tag color={rateColor(r)}>{r === null ? '—' : `${r}%`}</Tag>,
        },
        {
          title: '平均用时（工作日）',
          dataIndex: 'averageDays',
          width: 150,
          align: 'right',
          render: (d: number | null) => d ?? '—',
        },
      ]}
    />
  );
}

function OverTable({ rows, loading, showUnit }: { rows: OverRow[]; loading: boolean; showUnit?: boolean }) {
  return (
    <Table<OverRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: '没有超过时限的办件' }}
      columns={[
        ...(showUnit ? [{ title: '单位', dataIndex: 'unitName' }] : []),
        { title: '办件编号', dataIndex: 'caseNo', width: 150 },
        { title: '事项名称', dataIndex: 'item' },
        { title: '受理日期', dataIndex: 'acceptedOn', width: 110 },
        { title: '应办结', dataIndex: 'dueOn', width: 110 },
        { title: '办结日期', dataIndex: 'completedOn', width: 110, render: (d: string | null) => d ?? '未办结' },
        {
          title: '时限',
          width: 100,
          render: (_v, r) => `${r.limitKind === 'promised' ? '承诺' : '法定'} ${r.limit} 日`,
        },
        { title: '用时', dataIndex: 'days', width: 70, align: 'right' },
        { title: '超出', dataIndex: 'overBy', width: 70, align: 'right' },
        {
          title: '情况',
          dataIndex: 'standing',
          width: 110,
          render: (s: OverRow['standing']) => <Tag color={standingColor[s]}>{approvalStandingLabels[s]}</Tag>,
        },
      ]}
    />
  );
}
