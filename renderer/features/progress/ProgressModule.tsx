import { Alert, Button, Empty, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { ChannelName, ChannelOutput } from '../../../electron/contract';
import { type Lag, type ReportState, lagLabels, reportStateLabels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import type { SignedInUser } from '../../app/auth-context';
import { useCan } from '../../app/can';
import { useAskText } from '../../shared/use-ask-text';
import { UnitSelect } from '../../shared/UnitSelect';
import { BoardTab } from './BoardTab';
import { ChecksTab } from './ChecksTab';
import { NoticeForm } from './NoticeForm';
import { NoticesTab } from './NoticesTab';
import { RectifyTab } from './RectifyTab';
import { TodoHome } from './TodoHome';
import { ReportDrawer } from './ReportDrawer';

export type ReportRow = ChannelOutput<'reports.list'>[number];

export const lagColors: Record<Lag, string> = {
  on_track: 'green',
  lagging: 'gold',
  serious: 'red',
  unreported: 'default',
};
const stateColors: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};
const thisQuarter = () => Math.floor(new Date().getMonth() / 3) + 1;

type StateFilter = ReportState | 'unreported' | 'all';
/** The status filter's choices: what awaits review first, in the vocabulary's words. */
const stateFilters: { value: StateFilter; label: string }[] = [
  { value: 'submitted', label: `待审核（${reportStateLabels.submitted}）` },
  { value: 'unreported', label: '未填报' },
  ...(['draft', 'returned', 'accepted'] as const).map((s) => ({ value: s, label: reportStateLabels[s] })),
  { value: 'all', label: '全部状态' },
];

/**
 * 进展督查: for a 考评员 the overdue board first, then the quarter's reports and the notices; for a 录入员 his to-do
 * home first, then his unit's reports. Each tab is shown to whoever may read its list.
 */
export function ProgressModule({ user }: { user: SignedInUser }) {
  const can = useCan();
  const [tab, setTab] = useState<string | undefined>();
  // the home's "去填报" opens the quarter of the report it names
  const [quarter, setQuarter] = useState<number | undefined>();
  const openReports = (q: number) => {
    setQuarter(q);
    setTab('reports');
  };
  const tabs: { key: string; label: string; reads: ChannelName; children: ReactNode }[] = [
    { key: 'todo', label: '我的待办', reads: 'todo.list', children: <TodoHome onOpenReports={openReports} /> },
    { key: 'board', label: '逾期看板', reads: 'board.list', children: <BoardTab /> },
    { key: 'reports', label: '季度进展', reads: 'reports.list', children: <Quarterly user={user} quarter={quarter} /> },
    { key: 'notices', label: '问询督办整改', reads: 'notices.list', children: <NoticesTab /> },
    { key: 'rectify', label: '整改事项', reads: 'rectify.list', children: <RectifyTab /> },
    { key: 'checks', label: '督查', reads: 'checks.list', children: <ChecksTab /> },
  ];
  const shown = tabs.filter((t) => can(t.reads)).map(({ reads: _r, ...t }) => t);
  if (shown.length === 1) return shown[0]!.children;
  // each tab reads afresh when shown
  return <Tabs destroyOnHidden items={shown} activeKey={tab ?? shown[0]!.key} onChange={setTab} />;
}

/** 季报: each target's quarterly report against its milestone; 录入员 fill in their unit's, 考评员 review. */
function Quarterly({ user, quarter: first }: { user: SignedInUser; quarter?: number }) {
  const plans = useCall('plans.list', {});
  const [planId, setPlanId] = useState<number | null>(null);
  const [quarter, setQuarter] = useState(first ?? thisQuarter());
  const [unitId, setUnitId] = useState<number | undefined>();
  // a 考评员 works through what awaits review; a 录入员 sees all of his unit's
  const [state, setState] = useState<StateFilter>(user.role === 'evaluator' ? 'submitted' : 'all');
  const running = (plans.data ?? []).filter((p) => p.state !== 'draft' && p.state !== 'published');

  useEffect(() => {
    if (planId === null && running[0]) setPlanId(running[0].id);
  }, [running, planId]);

  if (plans.loading && !plans.data) return <Spin />;
  if (plans.error) return <Alert type="error" showIcon message={plans.error} />;
  if (running.length === 0 || planId === null)
    return <Empty description="还没有进入执行阶段的考核方案（责任书全部签订后开始填报季度进展）。" />;

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 320 }}
          value={planId}
          onChange={setPlanId}
          options={running.map((p) => ({ value: p.id, label: `${p.year} 年 · ${p.title}` }))}
        />
        <Select
          style={{ width: 120 }}
          value={quarter}
          onChange={setQuarter}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${['一', '二', '三', '四'][q - 1]}季度` }))}
          data-testid="quarter-select"
        />
        {/* a 录入员 reports for its own unit only */}
        {user.role !== 'clerk' && (
          <UnitSelect
            allowClear
            placeholder="全部单位"
            style={{ width: 240 }}
            value={unitId}
            onChange={(v) => setUnitId(v as number | undefined)}
            data-testid="report-unit-filter"
          />
        )}
        <Select
          aria-label="报告状态"
          style={{ width: 170 }}
          value={state}
          onChange={(v) => setState(v)}
          options={stateFilters}
          data-testid="report-state-filter"
        />
      </Space>
      <ReportsTable
        key={`${planId}-${quarter}-${unitId ?? ''}-${state}`}
        planId={planId}
        quarter={quarter}
        unitId={unitId}
        state={state}
      />
    </div>
  );
}

function ReportsTable(p: { planId: number; quarter: number; unitId?: number; state: StateFilter }) {
  const { planId, quarter, unitId, state } = p;
  const can = useCan();
  const askText = useAskText();
  const list = useCall('reports.list', {
    planId,
    quarter,
    ...(unitId ? { unitId } : {}),
    ...(state !== 'all' ? { state } : {}),
  });
  const [open, setOpen] = useState<ReportRow | null>(null);
  const [inquire, setInquire] = useState<ReportRow | null>(null);
  const accept = useAction('reports.review', { done: '已审核通过' });
  const canWrite = can('reports.save');
  const rows = list.data ?? [];
  const counts = (['serious', 'lagging', 'unreported'] as const)
    .map((l) => `${lagLabels[l]} ${rows.filter((r) => r.lag === l).length}`)
    .join('，');

  const pass = (r: ReportRow) => accept.run({ reportId: r.reportId!, accept: true });
  const sendBack = (r: ReportRow) =>
    askText({
      title: '退回进展报告',
      label: '退回原因',
      placeholder: '退回原因（必填），录入员会看到',
      okText: '退回',
      channel: 'reports.review',
      input: (reason) => ({ reportId: r.reportId!, accept: false, reason }),
      done: '已退回',
    });

  return (
    <div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        {state !== 'all' ? `“${stateFilters.find((f) => f.value === state)?.label}”` : ''}共 {rows.length} 项目标：
        {counts}。 滞后按本季度节点计算（未设节点按每季度 25%），报送后才计入。
      </Typography.Paragraph>
      <Table<ReportRow>
        size="small"
        rowKey="targetId"
        loading={list.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: state === 'submitted' ? '没有待审核的进展报告' : '没有符合条件的目标' }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 150, ellipsis: true },
          { title: '目标任务', dataIndex: 'content', ellipsis: true },
          { title: '节点', width: 90, render: (_, r) => `${r.expected}%` },
          { title: '完成', width: 80, render: (_, r) => (r.completionRate === null ? '' : `${r.completionRate}%`) },
          {
            title: '进度',
            dataIndex: 'lag',
            width: 100,
            render: (l: Lag) => <Tag color={lagColors[l]}>{lagLabels[l]}</Tag>,
          },
          {
            title: '状态',
            dataIndex: 'state',
            width: 90,
            render: (s: ReportState | null) =>
              s ? <Tag color={stateColors[s]}>{reportStateLabels[s]}</Tag> : <Tag>未填报</Tag>,
          },
          { title: '材料', width: 60, render: (_, r) => r.attachments.length || '' },
          {
            title: '操作',
            width: 190,
            render: (_, r) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setOpen(r)}>
                  {canWrite && r.state !== 'submitted' && r.state !== 'accepted' ? '填报' : '查看'}
                </Button>
                {can('notices.create') && (r.lag === 'lagging' || r.lag === 'serious') && (
                  <Button size="small" type="link" onClick={() => setInquire(r)}>
                    发问询
                  </Button>
                )}
                {can('reports.review') && r.state === 'submitted' && (
                  <>
                    <Button size="small" type="link" onClick={() => pass(r)}>
                      通过
                    </Button>
                    <Button size="small" type="link" danger onClick={() => sendBack(r)}>
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
          reason={
            `你单位“${inquire.content.slice(0, 60)}”第${['一', '二', '三', '四'][quarter - 1]}季度节点要求完` +
            `成${inquire.expected}%，实际报告完成${inquire.completionRate ?? 0}%，进度${lagLabels[inquire.lag]}。`
          }
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
          onChanged={setOpen}
        />
      )}
    </div>
  );
}
