import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Space, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { XLSX_MIME, downloadBase64 } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { useAskText } from '../../shared/use-ask-text';
import { DrillDownDrawer } from './DrillDownDrawer';

export type UnitResult = ChannelOutput<'results.get'>['categories'][number]['units'][number];

const pts = (x: number) => String(x);

/** A unit's grade, or 待定 with why (a quota tie an office must settle). */
export function GradeTag({ u }: { u: Pick<UnitResult, 'grade' | 'gradeReason'> }) {
  if (u.grade === null)
    return (
      <Tooltip title={u.gradeReason}>
        <Tag color="orange">待定</Tag>
      </Tooltip>
    );
  return (
    <Tooltip title={u.gradeReason}>
      <Tag color={u.grade === '优秀' ? 'green' : 'blue'}>{u.grade}</Tag>
    </Tooltip>
  );
}

export function UnitMarks({ u }: { u: Pick<UnitResult, 'vetoed' | 'complete'> }) {
  return (
    <>
      {u.vetoed && <Tag color="red">一票否决</Tag>}
      {!u.complete && <Tag>尚未评完</Tag>}
    </>
  );
}

/** The ranking of each category (per-unit totals only; a unit's lines come with its drill-down). */
export function RankingTab({ planId }: { planId: number }) {
  const r = useCall('results.get', { planId });
  const exporting = useAction('results.export');
  const [open, setOpen] = useState<number | null>(null);
  const [threshold, setThreshold] = useState<number | null>(60);
  const can = useCan();
  const askText = useAskText();
  const toClue = (u: UnitResult) =>
    askText({
      title: `${u.name}转为问责线索`,
      label: '转问责理由',
      placeholder: '转问责理由（必填）',
      okText: '转为线索',
      danger: true,
      channel: 'results.toClue',
      input: (reason) => ({
        planId,
        unitId: u.unitId,
        ...(threshold !== null && !u.vetoed ? { threshold } : {}),
        reason,
      }),
      done: '已转为问责线索',
    });
  if (r.loading && !r.data) return <Spin />;
  if (r.error) return <Alert type="error" showIcon message={r.error} />;
  const v = r.data!;
  const clued = new Set(v.clues.map((c) => c.unitId));
  const exportAll = async () => {
    const f = await exporting.run({ planId });
    if (f) downloadBase64(f.fileName, f.base64, XLSX_MIME);
  };
  return (
    <div>
      {v.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message="评分数据有问题，结果暂不能计算"
          description={v.problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        />
      )}
      {v.gradeProblems.map((p) => (
        <Alert
          key={p.text}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="grade-problem"
          message={p.text}
          description={p.units.length ? `涉及单位：${p.units.join('、')}` : undefined}
        />
      ))}
      {v.problems.length === 0 && (
        <Space wrap style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary" data-testid="results-basis">
            {v.snapshotNo === null ? '按当前数据实时计算（尚未冻结）' : `公示结果第${v.snapshotNo}版`} · 按
            {v.ruleVersion}、指标版本 {v.indicatorVersion}
            {v.ruleTables.map((t) => `、${t.name}（${t.version}）`).join('')}。{v.order}。
          </Typography.Text>
          <Space>
            {can('results.toClue') && (
              <span>
                低分线{' '}
                <InputNumber
                  size="small"
                  min={0}
                  max={1000}
                  value={threshold}
                  onChange={(x) => setThreshold(x)}
                  aria-label="低分线"
                  style={{ width: 80 }}
                />{' '}
                分（评完且低于它的，或被一票否决的，可转为问责线索）
              </span>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting.busy} onClick={() => void exportAll()}>
              导出排名（Excel）
            </Button>
          </Space>
        </Space>
      )}
      <Tabs
        items={v.categories.map((c) => ({
          key: String(c.categoryId),
          label: `${c.categoryName}（${c.units.length}）`,
          children: (
            <Table<UnitResult>
              rowKey="unitId"
              size="small"
              dataSource={c.units}
              pagination={c.units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              onRow={(u) => ({ onClick: () => setOpen(u.unitId), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: '排名',
                  width: 90,
                  render: (_, u) => (
                    <span>
                      {u.rank}
                      {u.tied && <Tag style={{ marginLeft: 4 }}>并列</Tag>}
                    </span>
                  ),
                },
                { title: '单位', dataIndex: 'name' },
                { title: '基础得分', dataIndex: 'base', width: 90, align: 'right', render: pts },
                { title: '加分', dataIndex: 'bonus', width: 70, align: 'right', render: pts },
                { title: '扣分', dataIndex: 'deduction', width: 70, align: 'right', render: pts },
                {
                  title: '总分',
                  dataIndex: 'total',
                  width: 80,
                  align: 'right',
                  render: (x: number) => <strong>{x}</strong>,
                },
                { title: '等次', width: 90, render: (_, u) => <GradeTag u={u} /> },
                {
                  title: '标记',
                  width: 200,
                  render: (_, u) => (
                    <>
                      <UnitMarks u={u} />
                      {clued.has(u.unitId) && <Tag color="magenta">已转问责线索</Tag>}
                    </>
                  ),
                },
                ...(can('results.toClue')
                  ? [
                      {
                        title: '问责',
                        width: 110,
                        render: (_: unknown, u: UnitResult) =>
                          !clued.has(u.unitId) &&
                          (u.vetoed || (u.complete && threshold !== null && u.total < threshold)) ? (
                            <Button
                              size="small"
                              type="link"
                              danger
                              onClick={(e) => {
                                e.stopPropagation();
                                toClue(u);
                              }}
                            >
                              转为问责线索
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
                {
                  title: '',
                  width: 80,
                  render: (_, u) => (
                    <Button
                      size="small"
                      type="link"
                      data-testid={`drill-${u.unitId}`}
                      onClick={() => setOpen(u.unitId)}
                    >
                      得分反查
                    </Button>
                  ),
                },
              ]}
            />
          ),
        }))}
      />
      {open !== null && <DrillDownDrawer planId={planId} unitId={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
