import { Form, Input, Select, Space } from 'antd';

import { noticeKindLabels, noticeKinds, type NoticeKindName } from '../../../electron/contract/labels';

import { useAction } from '../../api/use-action';

import { FormModal } from '../../shared/FormModal';

import { type ItemValues, itemsOf, NoticeItems } from './NoticeItems';

import type { NoticeRow } from './BoardTab';

/** A notice from a lagging target (or by hand): kind, reason, items, deadline in working days, contact. */
export function NoticeForm({
  unitId,
  unitName,
  targetId,
  findingId,
  defaultKind = 'inquiry',
  reason,
  items,
  onClose,
  onDone,
}: {
  unitId: number;
  unitName: string;
  targetId?: number;
  findingId?: number;
  defaultKind?: NoticeKindName;
  reason: string;
  items?: string;
  onClose(): void;
  onDone(n: NoticeRow): void;
}) {
  const [form] = Form.useForm();
  const create = useAction('notices.create', { form, done: (n) => `已发出 ${n.number}，回复期限 ${n.replyBy}` });
  type Texts = 'reason' | 'contactName' | 'contactPhone';
  type Values = { kind: NoticeKindName; workingDays: number; items: ItemValues[] } & Record<Texts, string>;
  const submit = async () => {
    const v = (await form.validateFields()) as Values;
    const n = await create.run({
      kind: v.kind,
      unitId,
      ...(targetId ? { targetId } : {}),
      ...(findingId ? { findingId } : {}),
      reason: v.reason,
      items: itemsOf(v.items),
      workingDays: v.workingDays,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
    });
    if (n) onDone(n);
  };
  return (
    <FormModal
      width={720}
      title={`发通知书：${unitName}`}
      okText="生成并发出"
      busy={create.busy}
      onOk={submit}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: defaultKind,
          reason,
          items: (items ?? '进度滞后的具体原因及责任人\n下一步赶超措施和时间安排')
            .split('\n')
            .map((t) => t.trim())
            .filter(Boolean)
            .map((text) => ({ text })),
          workingDays: 5,
        }}
      >
        <Form.Item name="kind" label="种类">
          <Select options={noticeKinds.map((k) => ({ value: k, label: noticeKindLabels[k] }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="事由"
          rules={[
            { required: true, message: '请填写事由' },
            { max: 1000, message: '不能超过 1000 个字' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="事项（牵头单位、配合单位、时限选填，均印在通知书上）" required>
          <NoticeItems />
        </Form.Item>
        <Space>
          <Form.Item name="workingDays" label="回复期限（工作日）" rules={[{ required: true, message: '请填写' }]}>
            <Select
              style={{ width: 140 }}
              options={[3, 5, 7, 10, 15, 20].map((d) => ({ value: d, label: `${d} 个工作日` }))}
            />
          </Form.Item>
          <Form.Item
            name="contactName"
            label="联系人"
            rules={[
              { required: true, message: '请填写联系人' },
              { max: 20, message: '不能超过 20 个字' },
            ]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label="联系电话"
            rules={[
              { required: true, message: '请填写电话' },
              { max: 30, message: '不能超过 30 个字' },
            ]}
          >
            <Input style={{ width: 160 }} />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}
