import { Alert, App, Button, Empty, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { type Lag, type ReportState, lagLabels, reportStateLabels } from '../../../electron/contract/labels';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/use-call';
import { useAskText } from '../../shared/use-ask-text';
import type { SignedInUser } from '../../app/auth-context';
import { BoardTab } from './BoardTab';
import { ChecksTab } from './ChecksTab';
import { NoticeForm, NoticesTab } from './NoticesTab';
import { RectifyTab } from './RectifyTab';
import { ReportDrawer } from './ReportDrawer';

export type ReportRow = ChannelOutput<'reports.list'>[number];

export const lagColors: Record<Lag, string> = { on_track: 'green', lagging: 'gold', serious: 'red', unreported: 'default' };
const stateColors: Record<ReportState, string> = { draft: 'default', submitted: 'blue', returned: 'orange', accepted: 'green' };
const thisQuarter = () => Math.floor(new Date().getMonth() / 3) + 1;

/** 进展督查: for a 考评员 the overdue board first, then the quarter's reports and the notices; a 录入员 sees its unit's reports. */
export function ProgressModule({ user }: { user: SignedInUser }) {
  if (user.role === 'clerk') return <Quarterly user={user} />;
  return (
    <Tabs
      // each tab reads afresh when shown
      destroyOnHidden
      items={[
        { key: 'board', label: '逾期看板', children: <BoardTab /> },
        { key: 'reports', label: '季度进展', children: <Quarterly user={user} /> },
        { key: 'notices', label: '问询督办整改', children: <NoticesTab canEdit={user.role === 'evaluator'} /> },
        { key: 'rectify', label: '整改事项', children: <RectifyTab canEdit={user.role === 'evaluator'} /> },
        { key: 'checks', label: '督查', children: <ChecksTab canEdit={user.role === 'evaluator'} /> },
      ]}
    />
  );
}

/** 季报: each target's quarterly report against its milestone; 录入员 fill in their unit's, 考评员 review. */
function Quarterly({ user }: { user: SignedInUser }) {
  const plans = useCall('plans.list', {});
  const [planId, setPlanId] = useState<number | null>(null);
  const [quarter, setQuarter] = useState(thisQuarter());
  const [unitId, setUnitId] = useState<number | undefined>();
  const running = (plans.data ?? []).filter((p) => p.state !== 'draft' && p.state !== 'published');

  useEffect(() => {
    if (planId === null && running[0]) setPlanId(running[0].id);
  }, [running, planId]);

  if (plans.loading && !plans.data) return <Spin />;
  if (plans.error) return <Alert type="error" showIcon message={plans.error} />;
  if (running.length === 0 || planId === null) return <Empty description="还没有进入执行阶段的考核方案（责任书全部签订后开始填报季度进展）。" />;

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 320 }} value={planId} onChange={setPlanId} options={running.map((p) => ({ value: p.id, label: `${p.year} 年 · ${p.title}` }))} />
        <Select
          style={{ width: 120 }}
          value={quarter}
          onChange={setQuarter}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${['一', '二', '三', '四'][q - 1]}季度` }))}
          data-testid="quarter-select"
        />
        {user.role !== 'clerk' && <UnitFilter value={unitId} onChange={setUnitId} />}
      </Space>
      <ReportsTable key={`${planId}-${quarter}-${unitId ?? ''}`} planId={planId} quarter={quarter} unitId={unitId} user={user} />
    </div>
  );
}

function UnitFilter({ value, onChange }: { value?: number; onChange(v?: number): void }) {
  const units = useCall('units.list', {});
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder="全部单位"
      style={{ width: 240 }}
      value={value}
      onChange={onChange}
      options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
      data-testid="report-unit-filter"
    />
  );
}

function ReportsTable({ planId, quarter, unitId, user }: { planId: number; quarter: number; unitId?: number; user: SignedInUser }) {
  const { message } = App.useApp();
  const askText = useAskText();
  const list = useCall('reports.list', { planId, quarter, ...(unitId ? { unitId } : {}) });
  const [open, setOpen] = useState<ReportRow | null>(null);
  const [inquire, setInquire] = useState<ReportRow | null>(null);
  const canWrite = user.role === 'clerk' || user.role === 'evaluator';
  const rows = list.data ?? [];
  const counts = (['serious', 'lagging', 'unreported'] as const).map((l) => `${lagLabels[l]} ${rows.filter((r) => r.lag === l).length}`).join('，');

  const review = (r: ReportRow, accept: boolean) => {
    if (accept) {
      call('reports.review', { reportId: r.reportId!, accept: true }).then(
        () => {
          message.success('已审核通过');
          list.reload();
        },
        (e: unknown) => message.error(errorMessage(e)),
      );
      return;
    }
    askText({
      title: '退回进展报告',
      placeholder: '退回原因（必填），录入员会看到',
      okText: '退回',
      run: (reason) => call('reports.review', { reportId: r.reportId!, accept: false, reason }),
      done: '已退回',
      then: list.reload,
    });
  };

  return (
    <div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        共 {rows.length} 项目标：{counts}。滞后按本季度节点计算（未设节点按每季度 25%），报送后才计入。
      </Typography.Paragraph>
      <Table<ReportRow>
        size="small"
        rowKey="targetId"
        loading={list.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 150, ellipsis: true },
          { title: '目标任务', dataIndex: 'content', ellipsis: true },
          { title: '节点', width: 90, render: (_, r) => `${r.expected}%` },
          { title: '完成', width: 80, render: (_, r) => (r.completionRate === null ? '' : `${r.completionRate}%`) },
          { title: '进度', dataIndex: 'lag', width: 100, render: (l: Lag) => <Tag color={lagColors[l]}>{lagLabels[l]}</Tag> },
          { title: '状态', dataIndex: 'state', width: 90, render: (s: ReportState | null) => (s ? <Tag color={stateColors[s]}>{reportStateLabels[s]}</Tag> : <Tag>未填报</Tag>) },
          { title: '材料', width: 60, render: (_, r) => r.attachments.length || '' },
          {
            title: '操作',
            width: 190,
            render: (_, r) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setOpen(r)}>
                  {canWrite && r.state !== 'submitted' && r.state !== 'accepted' ? '填报' : '查看'}
                </Button>
                {user.role === 'evaluator' && (r.lag === 'lagging' || r.lag === 'serious') && (
                  <Button size="small" type="link" onClick={() => setInquire(r)}>
                    发问询
                  </Button>
                )}
                {user.role === 'evaluator' && r.state === 'submitted' && (
                  <>
                    <Button size="small" type="link" onClick={() => review(r, true)}>
                      通过
                    </Button>
                    <Button size="small" type="link" danger onClick={() => review(r, false)}>
                      退回
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {inquire && (
        <NoticeForm
          unitId={inquire.unitId}
          unitName={inquire.unitName}
          targetId={inquire.targetId}
          reason={`你单位“${inquire.content.slice(0, 60)}”第${['一', '二', '三', '四'][quarter - 1]}季度节点要求完成${inquire.expected}%，实际报告完成${inquire.completionRate ?? 0}%，进度${lagLabels[inquire.lag]}。`}
          onClose={() => setInquire(null)}
          onDone={() => setInquire(null)}
        />
      )}
      {open && (
        <ReportDrawer
          row={open}
          quarter={quarter}
          canWrite={canWrite}
          onClose={() => setOpen(null)}
          onChanged={(r) => {
            setOpen(r);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
