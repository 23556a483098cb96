import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { planStateLabels } from '../../../electron/contract/labels';
import { useCall } from '../../api/use-call';
import type * as Charts from './ChartCard';
import { type Dashboard, gradesOption, heatOption, rankingOption, trendOption } from './options';
import { printCharts } from './print';
import type { ChartOption } from './echarts';

// echarts comes with the charts, in a chunk of its own: the other screens keep their smaller bundle, and the
// dashboard's data is asked for while the chunk loads
let charts: Promise<typeof Charts> | null = null;
const loadCharts = () => (charts ??= import('./ChartCard'));
const ChartCard = lazy(() => loadCharts().then((m) => ({ default: m.ChartCard })));

const tops = [10, 20, 30, 50, 100];
const TREND = '季度完成趋势';
const GRADES = '等次分布';
const RANKING = '分类排名';
const HEAT = '指标得分率';

/** The charts a dashboard's data draws, in the order they are printed. */
function chartsOf(d: Dashboard): string[] {
  const trend = d.trend.targets > 0 && d.trend.quarters.length > 0 ? [TREND] : [];
  if (!d.results) return trend;
  return [...trend, GRADES, RANKING, ...(d.results.heat.indicators.length ? [HEAT] : [])];
}

/**
 * 领导看板: what a leader would rather look at than read — the quarterly completion trend, the grades' shares, a
 * category's ranking and its items' score rates — for one plan, each chart exportable as a picture and printable.
 * Read-only. When every chart has drawn, the page says so (data-ready, and the moment on the document for the bench).
 */
export function DashboardPage() {
  const [planId, setPlanId] = useState<number | undefined>();
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [top, setTop] = useState(30);
  // the chunk starts loading with the page, beside the call, not after the answer
  useEffect(() => void loadCharts(), []);
  const dash = useCall('dashboard.get', {
    ...(planId ? { planId } : {}),
    ...(categoryId !== undefined ? { categoryId } : {}),
    top,
  });
  const d = dash.data;
  const registry = useRef<Charts.ChartRegistry>(new Map()).current;
  const expected = useMemo(() => (d ? chartsOf(d) : []), [d]);
  const finished = useRef<{ of?: Dashboard; names: Set<string> }>({ names: new Set() });
  const [readyFor, setReadyFor] = useState<Dashboard>();
  const finish = (name: string) => {
    if (!d) return;
    if (finished.current.of !== d) finished.current = { of: d, names: new Set() };
    finished.current.names.add(name);
    if (readyFor !== d && expected.every((n) => finished.current.names.has(n))) {
      setReadyFor(d);
      document.documentElement.dataset.dashboardReadyAt ??= String(Math.round(performance.now()));
    }
  };
  // the data shown answers what is asked now (a switch keeps the old charts until the new answer comes)
  const answers =
    !!d &&
    (!planId || d.plan?.id === planId) &&
    (categoryId === undefined || d.results?.categoryId === categoryId) &&
    (!d.results || d.results.ranking.names.length === Math.min(top, d.results.ranking.of));
  const ready = answers && !dash.loading && (expected.length === 0 || readyFor === d);

  const options = useMemo(() => {
    if (!d?.plan) return null;
    const plan = d.plan.title;
    const r = d.results;
    const category = r?.categories.find((c) => c.id === r.categoryId)?.name ?? '';
    return {
      plan,
      category,
      trend: trendOption(plan, d.trend),
      grades: r ? gradesOption(plan, r) : null,
      ranking: r ? rankingOption(plan, category, r) : null,
      heat: r ? heatOption(plan, category, r) : null,
    };
  }, [d]);

  if (dash.error && !d) return <Alert type="error" showIcon message={dash.error} />;
  if (!d) return <Spin />;
  if (!d.plan || !options)
    return <Empty description="还没有考核方案。考评办建立年度考核方案并开始考评后，这里显示图表。" />;

  const r = d.results;
  const rows = r ? r.ranking.names.length : 0;
  const tall = Math.min(Math.max(rows * 22 + 110, 340), 680);
  const card = (name: string, option: ChartOption, height: number, of = d.plan!.title) => (
    <ChartCard
      name={name}
      of={of}
      option={option}
      height={height}
      registry={registry}
      onFinished={() => finish(name)}
    />
  );
  const ofCategory = `${d.plan.title}（${options.category}）`;

  return (
    <div data-testid="dashboard" data-ready={ready ? '1' : '0'}>
      <Space wrap style={{ marginBottom: 16 }} className="kaoping-noprint">
        <Select
          aria-label="考核方案"
          style={{ width: 340 }}
          value={d.plan.id}
          onChange={(id: number) => {
            setPlanId(id);
            setCategoryId(undefined);
          }}
          options={d.plans.map((p) => ({ value: p.id, label: `${p.title}（${planStateLabels[p.state]}）` }))}
        />
        {r && (
          <Select
            aria-label="考核类别"
            style={{ width: 220 }}
            value={r.categoryId}
            onChange={(id: number) => setCategoryId(id)}
            options={r.categories.map((c) => ({ value: c.id, label: `${c.name}（${c.units} 个单位）` }))}
          />
        )}
        {r && (
          <Select
            aria-label="显示名次"
            style={{ width: 120 }}
            value={top}
            onChange={setTop}
            options={tops.map((n) => ({ value: n, label: `前 ${n} 名` }))}
          />
        )}
        <Button
          icon={<PrinterOutlined />}
          disabled={!ready || expected.length === 0}
          onClick={() =>
            printCharts(
              d.plan!.title,
              expected.filter((n) => registry.has(n)).map((n) => ({ name: n, src: registry.get(n)!() })),
            )
          }
        >
          打印全部图表
        </Button>
        {dash.loading && <Spin size="small" />}
        {r && (
          <Tag color={r.snapshotNo === null ? 'blue' : 'green'}>
            {r.snapshotNo === null ? '实时计算结果（尚未冻结）' : `已冻结结果（第 ${r.snapshotNo} 版）`}
          </Tag>
        )}
      </Space>
      {d.emptyReason && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={d.emptyReason} />}
      {r && r.incomplete > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`尚有 ${r.incomplete} 个单位有指标未评分，排名和等次为暂定。`}
        />
      )}
      {r && r.gradeProblems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="以下等次须考评办确定"
          description={r.gradeProblems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        />
      )}
      <Suspense fallback={<Spin />}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={r ? 14 : 24}>
            {expected.includes(TREND) ? (
              card(TREND, options.trend, 340)
            ) : (
              <Card size="small" title={TREND}>
                <Empty description="暂无季度进展：方案还没有共性、个性目标，或考核年度尚未开始。" />
              </Card>
            )}
          </Col>
          {options.grades && (
            <Col xs={24} xl={10}>
              {card(GRADES, options.grades, 340)}
            </Col>
          )}
          {options.ranking && (
            <Col xs={24} xl={9}>
              {card(RANKING, options.ranking, tall, ofCategory)}
            </Col>
          )}
          {options.heat && (
            <Col xs={24} xl={15}>
              {expected.includes(HEAT) ? (
                card(HEAT, options.heat, tall, ofCategory)
              ) : (
                <Card size="small" title={HEAT}>
                  <Empty description="该类别没有共性、个性指标。" />
                </Card>
              )}
            </Col>
          )}
        </Row>
      </Suspense>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} className="kaoping-noprint">
        图表为只读。得分率 = 单位在该项指标的得分 ÷ 该项分值；按期推进 = 报送的完成率达到当季节点（未报送计为未按期）。
      </Typography.Paragraph>
    </div>
  );
}
