import { DeleteOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { indicatorKindLabels, scoringMethodLabelFor } from '../../../electron/contract/labels';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { ImportWizard } from '../../shared/ImportWizard';
import { IndicatorForm } from './IndicatorForm';

export type PlanDetail = ChannelOutput<'plans.get'>;
type Indicator = PlanDetail['indicators'][number];
type Node = Indicator & { children?: Node[] };

const kindColors: Record<Indicator['kind'], string> = {
  common: 'blue',
  specific: 'geekblue',
  bonus: 'green',
  deduction: 'orange',
  veto: 'red',
};

/** The indicator tree with each category's point total against the plan's; editable only while the plan is a draft. */
export function IndicatorsTab({ detail }: { detail: PlanDetail }) {
  const can = useCan();
  const [editing, setEditing] = useState<{ indicator?: Indicator; isGroup: boolean; parentId?: number } | null>(null);
  const [importing, setImporting] = useState(false);
  const categories = useCall('categories.list', {});
  const editable = can('indicators.save') && detail.rules.editIndicators;
  const planId = detail.plan.id;
  const catName = new Map((categories.data ?? []).map((c) => [c.id, c.name]));
  const tree: Node[] = detail.indicators
    .filter((i) => i.isGroup)
    .map((g) => ({ ...g, children: detail.indicators.filter((i) => i.parentId === g.id) }));
  const bad = detail.pointsByCategory.filter((c) => !c.ok);
  const used = new Set((categories.data ?? []).filter((c) => c.units > 0).map((c) => c.id));

  const remove = useAction('indicators.remove');

  return (
    <div>
      {bad.length > 0 ? (
        <Alert
          type={bad.some((c) => used.has(c.categoryId)) ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          message="共性和个性指标的分值合计应等于基本分"
          description={bad
            .map(
              (c) =>
                `${c.name}：合计 ${c.sum} 分，应为 ${detail.plan.totalPoints} 分${used.has(c.categoryId) ? '' : '（该类别暂无单位）'}`,
            )
            .join('；')}
          data-testid="points-alert"
        />
      ) : (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={`各考核类别的基本分合计均为 ${detail.plan.totalPoints} 分`}
        />
      )}
      {!detail.rules.editIndicators && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            detail.moves.includes('draft')
              ? '方案已发布，指标体系不能再修改；如需修改，请先“退回草拟”（已生成的责任书需重新生成）。'
              : '方案已进入执行阶段，指标体系不能再修改。'
          }
        />
      )}
      {editable && (
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ isGroup: true })}>
            新增分组
          </Button>
          <Button
            icon={<PlusOutlined />}
            type="primary"
            onClick={() => setEditing({ isGroup: false })}
            disabled={tree.length === 0}
          >
            新增指标
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            从 Excel 导入指标
          </Button>
        </Space>
      )}
      <Table<Node>
        size="small"
        rowKey="id"
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          {
            title: '指标',
            dataIndex: 'name',
            width: 220,
            render: (n: string, r) => (r.isGroup ? <Typography.Text strong>{n}</Typography.Text> : n),
          },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 100,
            render: (k: Indicator['kind']) => <Tag color={kindColors[k]}>{indicatorKindLabels[k]}</Tag>,
          },
          {
            title: '分值',
            dataIndex: 'points',
            width: 80,
            align: 'right',
            render: (p: number, r) =>
              r.isGroup ? (
                <Typography.Text type="secondary">
                  {(r.children ?? []).reduce((a, c) => a + Math.round(c.points * 100), 0) / 100}
                </Typography.Text>
              ) : r.kind === 'veto' ? (
                '—'
              ) : (
                p
              ),
          },
          {
            title: '计分方法',
            width: 130,
            render: (_, r) => (r.isGroup ? '' : scoringMethodLabelFor(r.kind, r.params.method)),
          },
          { title: '评分标准', dataIndex: 'standardText', ellipsis: true },
          { title: '考核责任单位', dataIndex: 'scoringBody', width: 120 },
          {
            title: '适用类别',
            dataIndex: 'categoryIds',
            width: 140,
            render: (ids: number[], r) =>
              r.isGroup ? '' : ids.length ? ids.map((id) => catName.get(id) ?? id).join('、') : '全部',
          },
          {
            title: '目标数',
            dataIndex: 'targets',
            width: 70,
            align: 'right',
            render: (n: number, r) => (r.isGroup ? '' : n),
          },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 150,
                  render: (_: unknown, r: Node) => (
                    <Space size="small">
                      <Button
                        size="small"
                        type="link"
                        icon={<EditOutlined />}
                        onClick={() => setEditing({ indicator: r, isGroup: r.isGroup })}
                        aria-label={`编辑${r.name}`}
                      />
                      {r.isGroup && (
                        <Button
                          size="small"
                          type="link"
                          icon={<PlusOutlined />}
                          onClick={() => setEditing({ isGroup: false, parentId: r.id })}
                        >
                          指标
                        </Button>
                      )}
                      <Popconfirm
                        title={`删除“${r.name}”？`}
                        description="删除后不能恢复（操作会记入审计日志）。"
                        okText="删除"
                        okButtonProps={{ danger: true }}
                        cancelText="取消"
                        onConfirm={() => remove.run({ id: r.id }, `已删除“${r.name}”`)}
                      >
                        <Button
                          size="small"
                          type="link"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`删除${r.name}`}
                        />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <IndicatorForm
          planId={planId}
          groups={tree}
          categories={categories.data ?? []}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      <ImportWizard
        open={importing}
        kind={{
          label: '指标',
          keyLabel: '分组',
          preview: (f) => call('indicators.importPreview', { planId, ...f }),
          commit: 'indicators.import',
          with: { planId },
          template: () => call('indicators.template', {}),
        }}
        onClose={() => setImporting(false)}
      />
    </div>
  );
}
