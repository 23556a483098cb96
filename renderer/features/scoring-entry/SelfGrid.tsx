import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { type Draft, type GridRow, NoteInput, ScoreInput, keyOf, localProblem, shownInput } from './score-input';

/**
 * 本单位自评: the unit's own score of each item its bodies score, shown to the body beside its entry; an item
 * whose body has submitted its sheet is closed.
 */
export function SelfGrid({ planId }: { planId: number }) {
  const grid = useCall('scores.selfGrid', { planId });
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const save = useAction('scores.saveSelf', { done: (c) => `已保存自评：${c.created + c.updated + c.removed} 项` });
  const rows = grid.data?.rows ?? [];
  const items = useMemo(() => new Map((grid.data?.items ?? []).map((i) => [i.id, i])), [grid.data]);
  const changed = [...drafts.entries()];
  const bad = changed.some(([k, d]) => {
    const r = rows.find((x) => keyOf(x) === k);
    return r && localProblem(r.points, d.input);
  });
  const setDraft = (r: GridRow, change: Partial<Draft>) =>
    setDrafts((m) => {
      const next = new Map(m);
      const before = m.get(keyOf(r)) ?? { input: shownInput(r, undefined, 'self'), note: r.self?.note ?? '' };
      next.set(keyOf(r), { ...before, ...change });
      return next;
    });
  const saveAll = async () => {
    const list = changed.map(([k, d]) => {
      const [indicatorId, unitId, targetId] = k.split(':').map(Number) as [number, number, number];
      return { indicatorId, unitId, targetId: targetId || null, input: d.input, note: d.note };
    });
    if (await save.run({ planId, rows: list })) setDrafts(new Map());
  };

  if (grid.error) return <Alert type="warning" showIcon message={grid.error} />;
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {grid.data?.unitName} 的自评供考核责任单位参考，不计入得分；考核责任单位报送后不能再修改。
        </Typography.Text>
        <Button type="primary" disabled={!changed.length || bad} loading={save.busy} onClick={saveAll}>
          保存自评{changed.length ? `（${changed.length} 项）` : ''}
        </Button>
      </Space>
      <Table<GridRow>
        size="small"
        rowKey={keyOf}
        loading={grid.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: '指标', width: 160, render: (_, r) => items.get(r.indicatorId)?.name },
          { title: '考核责任单位', width: 140, render: (_, r) => r.body || '考评办' },
          { title: '目标任务', dataIndex: 'targetContent', ellipsis: true },
          { title: '分值', dataIndex: 'points', width: 60 },
          {
            title: '自评',
            width: 150,
            render: (_, r) => (
              <ScoreInput
                method={items.get(r.indicatorId)?.method ?? 'judgement'}
                points={r.points}
                value={shownInput(r, drafts.get(keyOf(r)), 'self')}
                disabled={r.locked}
                onChange={(input) => setDraft(r, { input })}
                testId={`self-${r.indicatorId}-${r.targetId ?? 0}`}
              />
            ),
          },
          {
            title: '说明',
            width: 200,
            render: (_, r) => (
              <NoteInput
                value={drafts.get(keyOf(r))?.note ?? r.self?.note ?? ''}
                disabled={r.locked}
                onChange={(note) => setDraft(r, { note })}
              />
            ),
          },
          { title: '', width: 80, render: (_, r) => (r.locked ? <Tag>已报送</Tag> : null) },
        ]}
      />
    </div>
  );
}
