import { Button, Checkbox, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { transferBodies, transferBodyLabels, transferStateLabels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { ExportButton } from './ExportButton';
import { ImportButton } from './ImportButton';
import { UnitSelect } from '../../shared/UnitSelect';
import { deadlineTag } from '../progress/BoardTab';
import { PersonSelect } from './PersonSelect';

type Row = ChannelOutput<'transfers.list'>[number];
const day = (d: dayjs.Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function TransferForm({ row, onClose }: { row: Row | null; onClose(): void }) {
  const [form] = Form.useForm();
  const save = useAction('transfers.save', { form, done: (r) => `已登记移送，反馈期限 ${r.feedbackDue}` });
  const unitId = Form.useWatch('unitId', form) as number | undefined;
  const submit = async () => {
    const v = await form.validateFields();
    const out = await save.run({
      ...(row ? { id: row.id } : {}),
      fromBody: v.fromBody,
      toBody: v.toBody,
      transferredOn: day(v.transferredOn)!,
      unitId: v.unitId,
      personId: v.personId ?? null,
      subject: v.subject,
      facts: v.facts,
      materials: v.materials,
      ...(v.feedbackDue ? { feedbackDue: day(v.feedbackDue) } : {}),
      copyPersonnel: !!v.copyPersonnel,
    });
    if (out) onClose();
  };
  return (
    <FormModal width={720} title={row ? '修改移送' : '登记移送'} busy={save.busy} onOk={submit} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={
          row
            ? { ...row, transferredOn: dayjs(row.transferredOn), feedbackDue: dayjs(row.feedbackDue) }
            : { fromBody: 'audit', toBody: '监察委员会', transferredOn: dayjs(), copyPersonnel: true }
        }
      >
        <Space size="middle" wrap>
          <Form.Item name="fromBody" label="移送机关" rules={[{ required: true, message: '请选择移送机关' }]}>
            <Select
              style={{ width: 140 }}
              options={transferBodies.map((b) => ({ value: b, label: transferBodyLabels[b] }))}
            />
          </Form.Item>
          <Form.Item name="toBody" label="受移送机关" rules={[{ required: true, message: '请填写受移送机关' }]}>
            <Input style={{ width: 220 }} maxLength={60} />
          </Form.Item>
          <Form.Item name="transferredOn" label="移送日期" rules={[{ required: true, message: '请选择移送日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="feedbackDue" label="反馈期限" extra="不填按系统设置（默认 3 个月）">
            <DatePicker />
          </Form.Item>
        </Space>
        <Space size="middle" wrap>
          <Form.Item name="unitId" label="所涉单位" rules={[{ required: true, message: '请选择所涉单位' }]}>
            <UnitSelect style={{ width: 280 }} includeInactive />
          </Form.Item>
          <Form.Item name="personId" label="所涉人员">
            <PersonSelect unitId={unitId} />
          </Form.Item>
        </Space>
        <Form.Item name="subject" label="移送事由" rules={[{ required: true, message: '请填写移送事由' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="facts" label="主要事实" rules={[{ required: true, message: '请填写主要事实' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="materials" label="移送材料" rules={[{ required: true, message: '请填写移送材料' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="copyPersonnel" valuePropName="checked">
          <Checkbox>抄送组织人事部门</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function FeedbackForm({ row, onClose }: { row: Row; onClose(): void }) {
  const [form] = Form.useForm();
  const save = useAction('transfers.feedback', { form, done: '已登记反馈' });
  const submit = async () => {
    const v = await form.validateFields();
    const out = await save.run({ id: row.id, feedbackOn: day(v.feedbackOn)!, feedback: v.feedback });
    if (out) onClose();
  };
  return (
    <FormModal title={`登记反馈：${row.subject}`} busy={save.busy} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ feedbackOn: dayjs() }}>
        <Form.Item
          name="feedbackOn"
          label="反馈日期"
          extra={`不能早于移送日期（${row.transferredOn}）`}
          rules={[{ required: true, message: '请选择反馈日期' }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(row.transferredOn), 'day')} />
        </Form.Item>
        <Form.Item name="feedback" label="反馈情况" rules={[{ required: true, message: '请填写反馈情况' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 移送处理: cases sent to the supervisory body, the feedback awaited (overdue on the board), then registered. */
export function TransfersTab() {
  const can = useCan();
  const list = useCall('transfers.list', {});
  const [editing, setEditing] = useState<Row | null | 'new'>(null);
  const [answering, setAnswering] = useState<Row | null>(null);
  const toClue = useAction('transfers.toClue', { done: '已转为问责线索' });
  const issue = useAction('transfers.issue', { done: (r) => `已印发移送处理书 ${r.number}` });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <ExportButton channel="transfers.export" />
        <ImportButton register="transfers" />
        {can('transfers.save') && (
          <Button type="primary" onClick={() => setEditing('new')}>
            登记移送
          </Button>
        )}
      </Space>
      <Table<Row>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1500 }}
        columns={[
          { title: '移送日期', dataIndex: 'transferredOn', width: 100 },
          {
            title: '状态',
            width: 220,
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag>{transferStateLabels[r.state]}</Tag>
                {deadlineTag(r)}
                {r.clueId !== null && <Tag color="magenta">已转问责线索</Tag>}
              </Space>
            ),
          },
          { title: '移送机关', width: 100, render: (_, r) => transferBodyLabels[r.fromBody] },
          { title: '所涉单位', dataIndex: 'unitName', width: 150 },
          { title: '移送事由', dataIndex: 'subject', ellipsis: true, width: 240 },
          { title: '反馈期限', dataIndex: 'feedbackDue', width: 100 },
          { title: '移送处理书', dataIndex: 'number', width: 140 },
          { title: '反馈', dataIndex: 'feedback', ellipsis: true, width: 200 },
          {
            title: '操作',
            width: 320,
            render: (_, r) => (
              <Space size={0}>
                {can('transfers.save') && r.state === 'sent' && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    修改
                  </Button>
                )}
                {can('transfers.issue') && r.state === 'sent' && r.documentId === null && (
                  <Popconfirm
                    title="印发移送处理书"
                    description="将取下一个“移送处理书”文号并登记到公文登记簿。确定吗？"
                    okText="印发"
                    cancelText="取消"
                    onConfirm={() => void issue.run({ id: r.id })}
                  >
                    <Button size="small" type="link">
                      印发移送处理书
                    </Button>
                  </Popconfirm>
                )}
                {can('transfers.feedback') && r.state === 'sent' && (
                  <Button size="small" type="link" onClick={() => setAnswering(r)}>
                    登记反馈
                  </Button>
                )}
                {can('transfers.toClue') && r.clueId === null && (
                  <Popconfirm
                    title="转为问责线索"
                    description="这件移送将成为一条问责线索。确定吗？"
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
      {editing && <TransferForm row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {answering && <FeedbackForm row={answering} onClose={() => setAnswering(null)} />}
    </>
  );
}
