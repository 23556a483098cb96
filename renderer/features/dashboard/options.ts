import type { ChannelOutput } from '../../../electron/contract';
import type { ChartOption } from './echarts';

/**
 * The four charts' echarts options from dashboard.get's arrays. Titles are drawn in the chart: an image says what
 * it is. Tooltips are HTML, so every name in them (units and items come from the office's data) is escaped.
 */

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An ideographic space between a title's parts. */
const GAP = '\u3000';

export type Dashboard = ChannelOutput<'dashboard.get'>;
export type Results = NonNullable<Dashboard['results']>;

const quarterNames = ['一季度', '二季度', '三季度', '四季度'];
const font = { fontFamily: 'sans-serif' };
// no animation: the image exported or printed is the finished chart, and the leader sees it at once
const base = { animation: false, textStyle: font };
const title = (text: string, subtext: string) => ({
  text,
  subtext,
  left: 12,
  top: 8,
  textStyle: { fontSize: 16 },
  subtextStyle: { fontSize: 12, color: '#666' },
});

/** A grade's colour: the best green, down to red; undecided grey. */
export function gradeColor(name: string, index: number, count: number): string {
  if (name === '待定') return '#bfbfbf';
  const palette = ['#389e0d', '#1677ff', '#faad14', '#d4380d', '#a8071a'];
  // the last grade (the rest / veto grade) is always red, whatever the number of grades
  return index >= count - 1 ? '#d4380d' : palette[Math.min(index, palette.length - 2)]!;
}

const colorOfGrade = (names: string[]) => {
  const decided = names.filter((n) => n !== '待定');
  return (g: string | null) => gradeColor(g ?? '待定', g ? decided.indexOf(g) : -1, decided.length);
};

export function rankingOption(plan: string, category: string, r: Results): ChartOption {
  const color = colorOfGrade(r.grades.names);
  const ranking = r.ranking;
  const many = ranking.names.length > 25;
  return {
    ...base,
    title: title(`${category}排名`, `${plan}${GAP}前 ${ranking.names.length} 名（共 ${ranking.of} 个单位）`),
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const i = p.dataIndex;
        const grade = ranking.grades[i] ?? '待定';
        const veto = ranking.vetoed[i] ? '，一票否决' : '';
        const who = `第 ${ranking.ranks[i]} 名${GAP}${esc(ranking.names[i]!)}`;
        return `${who}<br/>总分 ${ranking.totals[i]} 分（${esc(grade)}${veto}）`;
      },
    },
    grid: { left: 12, right: many ? 56 : 48, top: 70, bottom: 16, containLabel: true },
    // a scale of at least 100 points, so a year's first (low) scores are not drawn as full bars
    xAxis: {
      type: 'value',
      name: '分',
      min: 0,
      max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10),
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranking.names.map((n, i) => `${ranking.ranks[i]}. ${n}`),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    dataZoom: many
      ? [
          { type: 'inside', yAxisIndex: 0, startValue: 0, endValue: 24 },
          { type: 'slider', yAxisIndex: 0, right: 8, width: 16, startValue: 0, endValue: 24 },
        ]
      : [],
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: '{c}' },
        data: ranking.totals.map((v, i) => ({ value: v, itemStyle: { color: color(ranking.grades[i] ?? null) } })),
      },
    ],
  };
}

export function heatOption(plan: string, category: string, r: Results): ChartOption {
  const h = r.heat;
  const n = h.indicators.length;
  const data: [number, number, number | '-'][] = [];
  h.values.forEach((v, k) => data.push([k % n, Math.floor(k / n), v === null ? '-' : Math.round(v * 1000) / 10]));
  const wide = n > 30;
  const tall = h.units.length > 25;
  return {
    ...base,
    title: title(`${category}指标得分率`, `${plan}${GAP}得分占该项分值的百分比；空白为尚未评分`),
    tooltip: {
      position: 'top',
      formatter: (p: { value: [number, number, number | '-'] }) =>
        `${esc(h.units[p.value[1]]!)}<br/>${esc(h.indicators[p.value[0]]!)}：` +
        (p.value[2] === '-' ? '尚未评分' : `${p.value[2]}%`),
    },
    grid: { left: 12, right: 24, top: 70, bottom: wide ? 110 : 90, containLabel: true },
    xAxis: {
      type: 'category',
      data: h.indicators,
      splitArea: { show: true },
      axisLabel: { rotate: 40, width: 90, overflow: 'truncate', interval: wide ? 'auto' : 0 },
    },
    yAxis: { type: 'category', inverse: true, data: h.units, axisLabel: { width: 120, overflow: 'truncate' } },
    visualMap: {
      min: 0,
      max: 100,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 160,
      text: ['100%', '0%'],
      inRange: { color: ['#cf1322', '#fadb14', '#389e0d'] },
    },
    dataZoom: [
      ...(wide ? [{ type: 'slider', xAxisIndex: 0, bottom: 46, height: 14, startValue: 0, endValue: 29 }] : []),
      ...(tall ? [{ type: 'inside', yAxisIndex: 0, startValue: 0, endValue: 24 }] : []),
    ],
    series: [
      { type: 'heatmap', data, progressive: 0, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } },
    ],
  };
}

export function trendOption(plan: string, t: Dashboard['trend']): ChartOption {
  const pct = (v: number | null) => (v === null ? '-' : v);
  return {
    ...base,
    title: title(
      '季度完成趋势',
      `${plan}${GAP}共 ${t.targets} 项共性、个性目标\n按期：报送的完成率达到当季节点，未报送计为未按期`,
    ),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 72 },
    grid: { left: 12, right: 24, top: 108, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: t.quarters.map((q) => quarterNames[q - 1]!) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '按期推进的目标比例',
        type: 'bar',
        barMaxWidth: 40,
        itemStyle: { color: '#91caff' },
        data: t.onSchedule.map(pct),
      },
      {
        name: '平均完成率',
        type: 'line',
        symbolSize: 8,
        itemStyle: { color: '#a61b1b' },
        label: { show: true, formatter: '{c}%' },
        data: t.averageCompletion.map(pct),
      },
      {
        name: '节点要求（平均）',
        type: 'line',
        symbolSize: 6,
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#8c8c8c' },
        data: t.averageExpected.map(pct),
      },
    ],
  };
}

export function gradesOption(plan: string, r: Results): ChartOption {
  const color = colorOfGrade(r.grades.names);
  return {
    ...base,
    title: title('等次分布', `${plan}${GAP}共 ${r.units} 个单位`),
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number; percent: number }) =>
        `${esc(p.name)}：${p.value} 个（${p.percent}%）`,
    },
    legend: { bottom: 4 },
    series: [
      {
        type: 'pie',
        radius: ['30%', '55%'],
        center: ['50%', '54%'],
        label: { formatter: '{b}\n{c} 个（{d}%）' },
        // a grade no unit got stays in the legend, without a label of its own on the ring
        data: r.grades.names.map((name, i) => ({
          name,
          value: r.grades.counts[i]!,
          itemStyle: { color: color(name === '待定' ? null : name) },
          ...(r.grades.counts[i] ? {} : { label: { show: false }, labelLine: { show: false } }),
        })),
      },
    ],
  };
}
