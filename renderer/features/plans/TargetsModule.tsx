import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Popconfirm, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { type PlanState, planStateLabels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { DocumentsTab } from './DocumentsTab';
import { IndicatorsTab } from './IndicatorsTab';
import { LettersTab } from './LettersTab';
import { PlanForm } from './PlanForm';
import { PublishModal } from './PublishModal';
import { TargetsTab } from './TargetsTab';

const stateColors: Record<PlanState, string> = {
  draft: 'default',
  published: 'blue',
  signed: 'green',
  scoring: 'orange',
  results: 'purple',
  closed: 'default',
};

/** What each move means, in the words of the button and its confirmation. */
const moveWords: Partial<Record<PlanState, { label: string; confirm: string }>> = {
  published: {
    label: '发布方案',
    confirm: '发布后指标体系不能再修改，各单位的目标任务仍可调整，并可生成责任书。确定发布？',
  },
  draft: { label: '退回草拟', confirm: '退回后可以修改指标体系；已生成的责任书需要重新生成。确定退回？' },
  signed: { label: '确认责任书全部签订', confirm: '确认后所有单位的目标任务冻结，进入执行阶段。确定？' },
  scoring: { label: '进入考核评分', confirm: '进入年终考核评分阶段。确定？' },
  results: { label: '公布考核结果', confirm: '确定公布考核结果？' },
  closed: { label: '归档', confirm: '归档后方案只读。确定归档？' },
};

/** 目标管理: the year's plan, its indicators, the units' targets, the letters and the document register. */
export function TargetsModule() {
  const can = useCan();
  const plans = useCall('plans.list', {});
  const [planId, setPlanId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (planId === null && plans.data?.[0]) setPlanId(plans.data[0].id);
  }, [plans.data, planId]);

  if (plans.loading && !plans.data) return <Spin />;
  if (plans.error) return <Alert type="error" showIcon message={plans.error} />;

  const selector = (
    <Select
      style={{ width: 360 }}
      placeholder="选择年度考核方案"
      value={planId ?? undefined}
      onChange={setPlanId}
      options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.year} 年 · ${p.title}` }))}
      data-testid="plan-select"
    />
  );
  const newPlan = can('plans.create') && (
    <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      新建方案
    </Button>
  );

  return (
    <div>
      {!plans.data?.length || planId === null ? (
        <Empty description="还没有考核方案。先新建本年度的方案（可复制上一年度），再设置指标和各单位目标。">
          {can('plans.create') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              新建考核方案
            </Button>
          )}
        </Empty>
      ) : (
        // keyed by plan: switching plans starts the view afresh (no tab, filter or job of the other plan carried over)
        <PlanView key={planId} planId={planId} selector={selector} newPlan={newPlan} />
      )}
      {creating && (
        <PlanForm
          plans={plans.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setPlanId(id);
          }}
        />
      )}
    </div>
  );
}

function PlanView({ planId, selector, newPlan }: { planId: number; selector: ReactNode; newPlan: ReactNode }) {
  const can = useCan();
  const [tab, setTab] = useState('indicators');
  const detail = useCall('plans.get', { id: planId });
  const move = useAction('plans.setState', { done: (p) => `方案已变为“${planStateLabels[p.state]}”` });
  const plan = detail.data?.plan;
  const [publishing, setPublishing] = useState(false);

  return (
    <div>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>考核方案：</Typography.Text>
        {selector}
        {plan && <Tag color={stateColors[plan.state]}>{planStateLabels[plan.state]}</Tag>}
        {plan && (
          <Typography.Text type="secondary">
            {plan.units} 个单位 · {plan.targets} 项目标 · {plan.signed} 份已签订 · 基本分 {plan.totalPoints}
          </Typography.Text>
        )}
        {newPlan}
        {can('plans.setState') &&
          detail.data?.moves.map((to) =>
            to === 'published' ? (
              <Button key={to} type="primary" ghost onClick={() => setPublishing(true)}>
                {moveWords[to]?.label}
              </Button>
            ) : (
              <Popconfirm
                key={to}
                title={moveWords[to]?.label}
                description={<div style={{ maxWidth: 320 }}>{moveWords[to]?.confirm}</div>}
                onConfirm={() => move.run({ id: planId, to })}
                okText="确定"
                cancelText="取消"
              >
                <Button type={to === 'draft' ? 'default' : 'primary'} ghost={to !== 'draft'}>
                  {moveWords[to]?.label}
                </Button>
              </Popconfirm>
            ),
          )}
      </Space>
      {publishing && (
        <PublishModal planId={planId} confirm={moveWords.published!.confirm} onClose={() => setPublishing(false)} />
      )}
      {detail.error ? (
        <Alert type="error" showIcon message={detail.error} />
      ) : detail.data && plan ? (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          // each tab reads afresh when shown, so a change made in another tab is there
          destroyOnHidden
          items={[
            { key: 'indicators', label: '指标体系', children: <IndicatorsTab detail={detail.data} /> },
            { key: 'targets', label: '目标任务', children: <TargetsTab detail={detail.data} /> },
            { key: 'letters', label: '目标责任书', children: <LettersTab detail={detail.data} /> },
            { key: 'documents', label: '公文登记', children: <DocumentsTab /> },
          ]}
        />
      ) : (
        <Spin />
      )}
    </div>
  );
}
