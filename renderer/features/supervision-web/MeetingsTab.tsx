import { Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { meetingAttendanceLabels, meetingAttendances, meetingStateLabels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { ExportButton } from './ExportButton';
import { ImportButton } from './ImportButton';
import { useAskText } from '../../shared/use-ask-text';
import { ItemForm } from './ItemForm';
import { ItemsTable } from './ItemsTable';

type Row = ChannelOutput<'meetings.list'>[number];

const quarterTitle = () => `${dayjs().year()}年第${Math.floor(dayjs().month() / 3) + 1}季度监督工作联席会议`;

function MeetingForm({ row, onClose }: { row: Row | null; onClose(): void }) {
  const [form] = Form.useForm();
  const save = useAction('meetings.save', { form, done: '已保存联席会议' });
  const submit = async () => {
    const v = await form.validateFields();
    const out = await save.run({
      ...(row ? { id: row.id } : {}),
      title: v.title,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      place: v.place || null,
      attendees: (v.attendees ?? []).filter((a: { body?: string }) => a?.body),
      topics: v.topics,
      exchanged: v.exchanged ?? '',
      resolutions: v.resolutions,
    });
    if (out) onClose();
  };
  return (
    <FormModal
      width={760}
      title={row ? '修改联席会议' : '登记联席会议'}
      busy={save.busy}
      onOk={submit}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          row
            ? { ...row, heldOn: dayjs(row.heldOn) }
            : { title: quarterTitle(), heldOn: dayjs(), attendees: [{ body: '', names: '', as: 'present' }] }
        }
      >
        <Space size="middle" wrap>
          <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}>
            <Input style={{ width: 340 }} maxLength={100} />
          </Form.Item>
          <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="place" label="地点">
            <Input style={{ width: 200 }} maxLength={100} />
          </Form.Item>
        </Space>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <Form.Item label="参会单位和人员">
              {fields.map((f) => (
                <Space key={f.key} style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'as']} noStyle>
                    <Select
                      aria-label="出席情况"
                      style={{ width: 84 }}
                      options={meetingAttendances.map((a) => ({ value: a, label: meetingAttendanceLabels[a] }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'body']} noStyle rules={[{ required: true, message: '请填写参会单位' }]}>
                    <Input placeholder="参会单位，如 县纪委监委" style={{ width: 220 }} maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'names']} noStyle rules={[{ required: true, message: '请填写参会人员' }]}>
                    <Input placeholder="参会人员" style={{ width: 280 }} maxLength={200} />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>删除</Button>}
                </Space>
              ))}
              <Button onClick={() => add({ body: '', names: '', as: 'present' })}>添加参会单位</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="topics" label="会议议题" rules={[{ required: true, message: '请填写会议议题' }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="exchanged" label="通报交流的情况">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="resolutions" label="议定事项" rules={[{ required: true, message: '请填写议定事项' }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 联席会议 (quarterly): attendees by body, topics, what was exchanged, resolutions and their action items. */
export function MeetingsTab() {
  const can = useCan();
  const list = useCall('meetings.list', {});
  const [editing, setEditing] = useState<Row | null | 'new'>(null);
  const [adding, setAdding] = useState<Row | null>(null);
  const askText = useAskText();
  const toClue = (item: Row['items'][number]) =>
    askText({
      title: `议定事项转为问责线索：${item.unitName}`,
      label: '理由',
      placeholder: '理由（必填），如 逾期未落实议定事项',
      okText: '转为线索',
      channel: 'meetings.toClue',
      input: (reason) => ({ itemId: item.id, reason }),
      done: '已转为问责线索',
    });
  const issue = useAction('meetings.issue', { done: (r) => `已印发会议纪要 ${r.number ?? ''}` });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <ExportButton channel="meetings.export" />
        <ImportButton register="meetings" />
        {can('meetings.save') && (
          <Button type="primary" onClick={() => setEditing('new')}>
            登记联席会议
          </Button>
        )}
      </Space>
      <Table<Row>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1440 }}
        expandable={{
          expandedRowRender: (r) => <ItemsTable items={r.items} onClue={can('meetings.toClue') ? toClue : undefined} />,
        }}
        columns={[
          { title: '会议日期', dataIndex: 'heldOn', width: 100 },
          { title: '会议名称', dataIndex: 'title', width: 260 },
          {
            title: '状态',
            width: 160,
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag>{meetingStateLabels[r.state]}</Tag>
                {(r.clueId !== null || r.items.some((i) => i.escalated)) && <Tag color="magenta">已转问责线索</Tag>}
              </Space>
            ),
          },
          { title: '会议纪要', dataIndex: 'number', width: 140 },
          { title: '参会单位', render: (_, r) => r.attendees.map((a) => a.body).join('、'), ellipsis: true },
          { title: '议定事项', dataIndex: 'resolutions', ellipsis: true, width: 240 },
          {
            title: '事项',
            width: 70,
            render: (_, r) => `${r.items.filter((i) => i.state === 'verified').length}/${r.items.length}`,
          },
          {
            title: '操作',
            width: 320,
            render: (_, r) => (
              <Space size={0}>
                {can('meetings.save') && r.state === 'held' && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    修改
                  </Button>
                )}
                {can('meetings.addItem') && r.state === 'held' && (
                  <Button size="small" type="link" onClick={() => setAdding(r)}>
                    添加议定事项
                  </Button>
                )}
                {can('meetings.issue') && r.state === 'held' && (
                  <Popconfirm
                    title="印发会议纪要"
                    description="纪要取号登记后，这次会议的记录和议定事项不能再修改。确定印发吗？"
                    okText="印发"
                    cancelText="取消"
                    onConfirm={() => void issue.run({ id: r.id })}
                  >
                    <Button size="small" type="link">
                      印发会议纪要
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <MeetingForm row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {adding && (
        <ItemForm
          of={{ meetingId: adding.id }}
          title={`添加议定事项：${adding.title}`}
          onClose={() => setAdding(null)}
        />
      )}
    </>
  );
}
