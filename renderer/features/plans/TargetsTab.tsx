import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { ImportWizard } from '../../shared/ImportWizard';
import { UnitSelect } from '../../shared/UnitSelect';
import type { PlanDetail } from './IndicatorsTab';
import { TargetForm } from './TargetForm';

export type Target = ChannelOutput<'targets.page'>['rows'][number];

/** Each unit's targets under the plan's indicators: filter by unit, edit, assign common items by category, import. */
export function TargetsTab({ detail }: { detail: PlanDetail }) {
  const { modal } = App.useApp();
  const can = useCan();
  const planId = detail.plan.id;
  const [unitId, setUnitId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [page, setPage] = useState({ current: 1, size: 50 });
  // one page from the server: a plan of a city has tens of thousands of targets
  const targets = useCall('targets.page', {
    planId,
    ...(unitId ? { unitId } : {}),
    ...(search ? { search } : {}),
    offset: (page.current - 1) * page.size,
    limit: page.size,
  });
  const categories = useCall('categories.list', {});
  const editable = can('targets.save') && detail.rules.editTargets;
  const rows = targets.data?.rows ?? [];
  const sum = targets.data?.basePoints ?? 0;

  const remove = useAction('targets.remove', { done: '已删除' });

  return (
    <div>
      {!detail.rules.editTargets && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="当前方案状态下目标任务不能修改。" />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitSelect
          allowClear
          withCode
          placeholder="全部单位"
          style={{ width: 260 }}
          value={unitId}
          onChange={(v) => {
            setUnitId(v as number | undefined);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          data-testid="target-unit-filter"
        />
        <Input.Search
          allowClear
          placeholder="搜索目标、单位或指标"
          style={{ width: 220 }}
          onSearch={(v) => {
            setSearch(v.trim());
            setPage((p) => ({ ...p, current: 1 }));
          }}
        />
        {unitId && (
          <Tag color={sum === detail.plan.totalPoints ? 'green' : 'red'} data-testid="unit-points">
            基本分合计 {sum} / {detail.plan.totalPoints}
          </Tag>
        )}
        {editable && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增目标
            </Button>
            <Button icon={<TeamOutlined />} onClick={() => setAssigning(true)}>
              按类别分配共性指标
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              从 Excel 导入目标
            </Button>
          </>
        )}
      </Space>
      {targets.error && <Alert type="error" showIcon message={targets.error} />}
      <Table<Target>
        size="small"
        rowKey="id"
        loading={targets.loading}
        dataSource={rows}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: targets.data?.total ?? 0,
          pageSizeOptions: [20, 50, 100, 200],
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 项`,
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 160, ellipsis: true },
          { title: '指标', dataIndex: 'indicatorName', width: 120, ellipsis: true },
          {
            title: '目标任务',
            dataIndex: 'content',
            render: (c: string, t) => (
              <span>
                {t.isKey && <Tag color="volcano">重点</Tag>}
                {t.isMajor && <Tag color="purple">重大项目</Tag>}
                <Typography.Text ellipsis={{ tooltip: c }} style={{ maxWidth: 360 }}>
                  {c}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: '目标值',
            width: 100,
            render: (_, t) => (t.targetValue ? `${t.targetValue}${t.measureUnit ?? ''}` : ''),
          },
          { title: '分值', dataIndex: 'points', width: 70, align: 'right' },
          {
            title: '季度节点',
            width: 150,
            render: (_, t) => (
              <Tooltip
                title={t.milestones
                  .map((m, i) => `${i + 1}季度：${m.percent ?? '—'}%${m.text ? ` ${m.text}` : ''}`)
                  .join('；')}
              >
                {t.milestones.map((m) => (m.percent === null ? '—' : `${m.percent}%`)).join(' / ')}
              </Tooltip>
            ),
          },
          {
            title: '责任领导',
            dataIndex: 'leaderName',
            width: 90,
            render: (n: string | null) => n ?? <Typography.Text type="warning">未指定</Typography.Text>,
          },
          {
            title: '状态',
            dataIndex: 'frozen',
            width: 80,
            render: (f: boolean) => (f ? <Tag color="green">已签订</Tag> : null),
          },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 90,
                  render: (_: unknown, t: Target) =>
                    t.frozen ? null : (
                      <Space size="small">
                        <Button
                          size="small"
                          type="link"
                          icon={<EditOutlined />}
                          onClick={() => setEditing(t)}
                          aria-label="编辑目标"
                        />
                        <Popconfirm
                          title="删除这项目标？"
                          okText="删除"
                          okButtonProps={{ danger: true }}
                          cancelText="取消"
                          onConfirm={() => remove.run({ id: t.id })}
                        >
                          <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label="删除目标" />
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <TargetForm
          detail={detail}
          target={editing === 'new' ? undefined : editing}
          defaultUnitId={unitId}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {assigning && (
        <AssignCommon
          planId={planId}
          categories={(categories.data ?? []).filter((c) => c.units > 0)}
          onClose={() => setAssigning(false)}
          onDone={(text) => {
            setAssigning(false);
            modal.success({ title: '分配完成', content: text });
          }}
        />
      )}
      <ImportWizard
        open={importing}
        kind={{
          label: '目标任务',
          keyLabel: '单位 / 指标',
          preview: (f) => call('targets.importPreview', { planId, ...f }),
          errors: (f) => call('targets.importErrors', { planId, ...f }),
          commit: 'targets.import',
          with: { planId },
          template: () => call('targets.template', { planId }),
        }}
        onClose={() => setImporting(false)}
      />
    </div>
  );
}

/** The assign dialog's choice meaning every category that has units. */
const ALL = 0;

function AssignCommon({
  planId,
  categories,
  onClose,
  onDone,
}: {
  planId: number;
  categories: { id: number; name: string; units: number }[];
  onClose(): void;
  onDone(text: string): void;
}) {
  const [form] = Form.useForm<{ categoryId: number }>();
  const assign = useAction('targets.assignCommon', { form });
  const submit = async () => {
    const { categoryId } = await form.validateFields();
    const r = await assign.run({ planId, ...(categoryId === ALL ? {} : { categoryId }) });
    const where = categoryId === ALL ? `${r?.categories} 个类别的 ` : '';
    if (r)
      onDone(
        `${where}${r.units} 个单位新增 ${r.created} 项共性目标${r.existing ? `，${r.existing} 项已有（未改动）` : ''}。`,
      );
  };
  const used = categories.filter((c) => c.units > 0);
  const options = [
    { value: ALL, label: `全部类别（${used.length} 个类别，${used.reduce((a, c) => a + c.units, 0)} 个单位）` },
    ...categories.map((c) => ({ value: c.id, label: `${c.name}（${c.units} 个单位）` })),
  ];
  return (
    <Modal
      open
      title="按类别分配共性指标"
      okText="分配"
      cancelText="取消"
      onOk={submit}
      confirmLoading={assign.busy}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        为所选类别（或全部类别）的每个在用单位，按适用的共性指标各建一项目标（分值取指标分值）；单位已有的不重复建立。
      </Typography.Paragraph>
      <Form form={form} initialValues={{ categoryId: ALL }}>
        <Form.Item name="categoryId" rules={[{ required: true, message: '请选择考核类别' }]}>
          <Select aria-label="考核类别" placeholder="考核类别" options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
