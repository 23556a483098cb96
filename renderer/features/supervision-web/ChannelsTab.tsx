import { Button, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { complaintChannelLabels, complaintChannels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { UnitSelect } from '../../shared/UnitSelect';

type Row = ChannelOutput<'complaint-channels.list'>[number];

const HOURS = '工作日 8:30—12:00、14:30—17:30';

function ChannelForm({ row, onClose }: { row: Row | null; onClose(): void }) {
  const [form] = Form.useForm();
  const save = useAction('complaint-channels.save', { form, done: row ? '已保存' : '已登记投诉渠道' });
  const submit = async () => {
    const v = await form.validateFields();
    const out = await save.run({
      ...(row ? { id: row.id } : {}),
      unitId: v.unitId,
      kind: v.kind,
      contact: v.contact,
      hours: v.hours,
      note: v.note || null,
    });
    if (out) onClose();
  };
  return (
    <FormModal title={row ? '修改投诉渠道' : '登记投诉渠道'} busy={save.busy} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={row ?? { kind: 'phone', hours: HOURS }}>
        <Form.Item name="unitId" label="部门（单位）" rules={[{ required: true, message: '请选择单位' }]}>
          <UnitSelect style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="kind" label="渠道类型" rules={[{ required: true, message: '请选择渠道类型' }]}>
          <Select
            style={{ width: 160 }}
            options={complaintChannels.map((c) => ({ value: c, label: complaintChannelLabels[c] }))}
          />
        </Form.Item>
        <Form.Item
          name="contact"
          label="电话、地址或网址"
          rules={[{ required: true, whitespace: true, message: '请填写电话、地址或网址' }]}
        >
          <Input maxLength={200} placeholder="如 0000-1234567；示例县人民路1号；http://…" />
        </Form.Item>
        <Form.Item
          name="hours"
          label="受理时间"
          rules={[{ required: true, whitespace: true, message: '请填写受理时间' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 公开投诉渠道: each department's channels, kept by the office and published as a numbered 公告. */
export function ChannelsTab() {
  const can = useCan();
  const list = useCall('complaint-channels.list', {});
  const [editing, setEditing] = useState<Row | null | 'new'>(null);
  const remove = useAction('complaint-channels.remove', { done: '已删除' });
  const issue = useAction('complaint-channels.issue', {
    done: (r) => `已印发公开投诉渠道公告 ${r.number}（${r.count} 个渠道）`,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {can('complaint-channels.save') && (
          <Button type="primary" onClick={() => setEditing('new')}>
            登记投诉渠道
          </Button>
        )}
        {can('complaint-channels.issue') && (
          <Popconfirm
            title="印发公开投诉渠道公告"
            description="在用单位的全部投诉渠道将列入公告，取号并登记到公文登记簿。确定吗？"
            okText="印发"
            cancelText="取消"
            onConfirm={() => void issue.run({})}
          >
            <Button disabled={!list.data?.some((r) => r.unitActive)}>印发公告</Button>
          </Popconfirm>
        )}
      </Space>
      <Table<Row>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: '尚未登记投诉渠道' }}
        columns={[
          {
            title: '部门（单位）',
            width: 220,
            render: (_, r) => (
              <Space size={4}>
                {r.unitName}
                {!r.unitActive && <Tag>已停用，不列入公告</Tag>}
              </Space>
            ),
          },
          { title: '渠道', width: 110, render: (_, r) => complaintChannelLabels[r.kind] },
          { title: '电话、地址或网址', dataIndex: 'contact', ellipsis: true },
          { title: '受理时间', dataIndex: 'hours', width: 240 },
          { title: '备注', dataIndex: 'note', width: 160, ellipsis: true },
          {
            title: '操作',
            width: 140,
            render: (_, r) => (
              <Space size={0}>
                {can('complaint-channels.save') && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    修改
                  </Button>
                )}
                {can('complaint-channels.remove') && (
                  <Popconfirm
                    title="删除投诉渠道"
                    description={`删除${r.unitName}的这个渠道？`}
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => void remove.run({ id: r.id })}
                  >
                    <Button size="small" type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <ChannelForm row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
