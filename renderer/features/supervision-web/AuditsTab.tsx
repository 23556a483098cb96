import { Button, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { auditKindLabels, auditKinds, auditStateLabels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { ExportButton } from './ExportButton';
import { ImportButton } from './ImportButton';
import { UnitSelect } from '../../shared/UnitSelect';
import { ItemForm } from './ItemForm';
import { ItemsTable } from './ItemsTable';
import { PersonSelect } from './PersonSelect';

type Row = ChannelOutput<'audits.list'>[number];
const money = (cents: number) =>
  (cents / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function AuditForm({ row, onClose }: { row: Row | null; onClose(): void }) {
  const [form] = Form.useForm();
  const save = useAction('audits.save', { form, done: '已保存审计发现' });
  const unitId = Form.useWatch('unitId', form) as number | undefined;
  const submit = async () => {
    const v = await form.validateFields();
    const out = await save.run({
      ...(row ? { id: row.id } : {}),
      kind: v.kind,
      unitId: v.unitId,
      personId: v.personId ?? null,
      period: v.period,
      reportNo: v.reportNo || null,
      reportedOn: v.reportedOn.format('YYYY-MM-DD'),
      findings: v.findings,
      amount: v.amount ?? 0,
      result: v.result || null,
    });
    if (out) onClose();
  };
  return (
    <FormModal
      width={720}
      title={row ? '修改审计发现' : '登记审计发现'}
      busy={save.busy}
      onOk={submit}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          row
            ? { ...row, reportedOn: dayjs(row.reportedOn), amount: row.amountCents / 100 }
            : { kind: 'budget', reportedOn: dayjs(), amount: 0 }
        }
      >
        <Space size="middle" wrap>
          <Form.Item name="kind" label="审计类型" rules={[{ required: true, message: '请选择审计类型' }]}>
            <Select style={{ width: 160 }} options={auditKinds.map((k) => ({ value: k, label: auditKindLabels[k] }))} />
          </Form.Item>
          <Form.Item name="unitId" label="被审计单位" rules={[{ required: true, message: '请选择被审计单位' }]}>
            <UnitSelect style={{ width: 260 }} includeInactive />
          </Form.Item>
          <Form.Item name="personId" label="被审计领导（经济责任审计必填）">
            <PersonSelect unitId={unitId} />
          </Form.Item>
        </Space>
        <Space size="middle" wrap>
          <Form.Item name="period" label="审计期间" rules={[{ required: true, message: '请填写审计期间' }]}>
            <Input style={{ width: 220 }} placeholder="2024年1月至2025年12月" maxLength={60} />
          </Form.Item>
          <Form.Item name="reportNo" label="审计报告文号">
            <Input style={{ width: 200 }} maxLength={60} />
          </Form.Item>
          <Form.Item name="reportedOn" label="报告日期" rules={[{ required: true, message: '请选择报告日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="amount" label="问题金额（元）">
            <InputNumber min={0} precision={2} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="findings" label="审计发现的问题" rules={[{ required: true, message: '请填写审计发现' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="result" label="审计评价 / 结果（经济责任审计的结果记入领导干部档案）">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 审计发现: findings with amounts, rectification items verified like every rectification, the leader's result. */
export function AuditsTab() {
  const can = useCan();
  const list = useCall('audits.list', {});
  const [editing, setEditing] = useState<Row | null | 'new'>(null);
  const [adding, setAdding] = useState<Row | null>(null);
  const close = useAction('audits.close', { done: '已办结' });
  const toClue = useAction('audits.toClue', { done: '已转为问责线索' });
  const notice = useAction('audits.notice', {
    done: (r) => `已印发绩效审计结果公告 ${r.number}（${r.count} 项），见公文登记簿`,
  });
  const year = dayjs().year();
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <ExportButton channel="audits.export" />
        <ImportButton register="audits" />
        {can('audits.save') && (
          <Button type="primary" onClick={() => setEditing('new')}>
            登记审计发现
          </Button>
        )}
        {can('audits.notice') && (
          <Popconfirm
            title={`印发${year}年度绩效审计结果公告`}
            description="列出本年度登记的全部审计结果，取下一个文号并登记到公文登记簿。确定吗？"
            okText="印发"
            cancelText="取消"
            onConfirm={() => void notice.run({ year })}
          >
            <Button>印发绩效审计结果公告</Button>
          </Popconfirm>
        )}
      </Space>
      <Table<Row>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1500 }}
        expandable={{ expandedRowRender: (r) => <ItemsTable items={r.items} /> }}
        columns={[
          { title: '报告日期', dataIndex: 'reportedOn', width: 100 },
          {
            title: '状态',
            width: 170,
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag>{auditStateLabels[r.state]}</Tag>
                {r.clueId !== null && <Tag color="magenta">已转问责线索</Tag>}
              </Space>
            ),
          },
          { title: '类型', width: 110, render: (_, r) => auditKindLabels[r.kind] },
          { title: '被审计单位', dataIndex: 'unitName', width: 150 },
          { title: '领导', dataIndex: 'personName', width: 80 },
          { title: '审计期间', dataIndex: 'period', width: 160 },
          { title: '发现的问题', dataIndex: 'findings', ellipsis: true, width: 260 },
          { title: '问题金额（元）', width: 120, align: 'right', render: (_, r) => money(r.amountCents) },
          {
            title: '整改',
            width: 70,
            render: (_, r) => `${r.items.filter((i) => i.state === 'verified').length}/${r.items.length}`,
          },
          {
            title: '操作',
            width: 260,
            render: (_, r) => (
              <Space size={0}>
                {can('audits.save') && r.state === 'open' && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    修改
                  </Button>
                )}
                {can('audits.addItem') && r.state === 'open' && (
                  <Button size="small" type="link" onClick={() => setAdding(r)}>
                    添加整改事项
                  </Button>
                )}
                {can('audits.close') && r.state === 'open' && (
                  <Popconfirm
                    title="办结这项审计？"
                    okText="办结"
                    cancelText="取消"
                    onConfirm={() => void close.run({ id: r.id })}
                  >
                    <Button size="small" type="link">
                      办结
                    </Button>
                  </Popconfirm>
                )}
                {can('audits.toClue') && r.clueId === null && (
                  <Popconfirm
                    title="转为问责线索"
                    description="这项审计发现将成为一条问责线索。确定吗？"
                    okText="转为线索"
                    cancelText="取消"
                    onConfirm={() => void toClue.run({ id: r.id })}
                  >
                    <Button size="small" type="link" danger>
                      转为问责线索
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <AuditForm row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {adding && (
        <ItemForm
          of={{ auditId: adding.id }}
          title={`添加整改事项：${adding.unitName}`}
          defaultUnitId={adding.unitId}
          onClose={() => setAdding(null)}
        />
      )}
    </>
  );
}
