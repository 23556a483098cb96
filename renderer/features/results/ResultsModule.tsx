import { Alert, Empty, Select, Space, Spin, Tabs } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { ChannelName } from '../../../electron/contract';
import { planStateLabels } from '../../../electron/contract/labels';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { RankingTab } from './RankingTab';
import { RewardsTab } from './RewardsTab';
import { RulesTab } from './RulesTab';

/**
 * 结果与奖惩: a plan's ranking per category with grades and the drill-down, the scoring rules it is computed with,
 * and the year-end rewards that follow. Plans from 已发布 on (before scores are in, every unit shows 尚未评完).
 */
export function ResultsModule() {
  const can = useCan();
  const plans = useCall('plans.list', {});
  const shown = (plans.data ?? []).filter((p) => p.state !== 'draft');
  const [planId, setPlanId] = useState<number | null>(null);
  const [tab, setTab] = useState('ranking');
  useEffect(() => {
    // the plan being scored or published first, else the newest
    const first = shown.find((p) => p.state === 'scoring' || p.state === 'results') ?? shown[0];
    if (planId === null && first) setPlanId(first.id);
  }, [shown, planId]);

  if (plans.loading && !plans.data) return <Spin />;
  if (plans.error) return <Alert type="error" showIcon message={plans.error} />;
  if (shown.length === 0 || planId === null) return <Empty description="还没有已发布的考核方案。" />;

  const tabs: { key: string; label: string; reads: ChannelName; children: ReactNode }[] = [
    { key: 'ranking', label: '排名与等次', reads: 'results.get', children: <RankingTab planId={planId} /> },
    { key: 'rules', label: '计分规则', reads: 'results.rules', children: <RulesTab planId={planId} /> },
    { key: 'rewards', label: '奖惩核算', reads: 'rewards.get', children: <RewardsTab planId={planId} /> },
  ];
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 420 }}
          value={planId}
          onChange={setPlanId}
          data-testid="results-plan"
          options={shown.map((p) => ({
            value: p.id,
            label: `${p.year} 年 · ${p.title}（${planStateLabels[p.state]}）`,
          }))}
        />
      </Space>
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={setTab}
        items={tabs.filter((t) => can(t.reads)).map(({ reads: _r, ...t }) => ({ ...t, key: t.key }))}
      />
    </div>
  );
}
