import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useAction } from '../../api/use-action';
import { FormModal } from '../../shared/FormModal';
import { UnitSelect } from '../../shared/UnitSelect';

/** A rectification item of an audit, or an action item of a joint meeting: unit, content, deadline. */
export function ItemForm({
  of,
  title,
  defaultUnitId,
  onClose,
}: {
  of: { auditId: number } | { meetingId: number };
  title: string;
  defaultUnitId?: number;
  onClose(): void;
}) {
  const [form] = Form.useForm();
  const audit = useAction('audits.addItem', { form, done: '已添加整改事项' });
  const meeting = useAction('meetings.addItem', { form, done: '已添加议定事项' });
  const busy = audit.busy || meeting.busy;
  const submit = async () => {
    const v = await form.validateFields();
    const item = { unitId: v.unitId as number, item: v.item as string, deadline: v.deadline.format('YYYY-MM-DD') };
    const out = 'auditId' in of ? await audit.run({ ...of, ...item }) : await meeting.run({ ...of, ...item });
    if (out) onClose();
  };
  return (
    <FormModal title={title} busy={busy} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ unitId: defaultUnitId, deadline: dayjs().add(1, 'month') }}>
        <Form.Item name="unitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
          <UnitSelect style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="item" label="事项内容" rules={[{ required: true, message: '请填写事项内容' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
