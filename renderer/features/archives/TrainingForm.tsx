import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type dayjs from 'dayjs';
import { trainingCategory } from '../../../electron/vocab';
import { useAction } from '../../api/use-action';
import { FormModal } from '../../shared/FormModal';

const categories = trainingCategory.values.map((v) => ({ value: v, label: trainingCategory.labels[v] }));

/** A new course: title, category (seed 四.3), organiser, dates and hours. */
export function TrainingForm(p: { onClose(): void }) {
  const [form] = Form.useForm();
  const save = useAction('training.save', { form, done: '培训已登记' });
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    const [from, to] = v.dates as [dayjs.Dayjs, dayjs.Dayjs];
    const r = await save.run({
      title: v.title as string,
      category: v.category as (typeof trainingCategory.values)[number],
      organizer: (v.organizer as string) ?? '',
      startDate: from.format('YYYY-MM-DD'),
      endDate: to.format('YYYY-MM-DD'),
      hours: v.hours as number,
    });
    if (r) p.onClose();
  };
  return (
    <FormModal title="登记培训" busy={save.busy} onOk={() => void submit()} onClose={p.onClose} width={520}>
      <Form form={form} layout="vertical" initialValues={{ category: 'integrity' }}>
        <Form.Item name="title" label="培训名称" rules={[{ required: true, message: '请填写培训名称' }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Space>
          <Form.Item name="category" label="类别" rules={[{ required: true }]}>
            <Select options={categories} style={{ width: 140 }} aria-label="培训类别" />
          </Form.Item>
          <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
            <InputNumber min={0.5} max={1000} step={0.5} aria-label="学时" />
          </Form.Item>
        </Space>
        <Form.Item name="dates" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="organizer" label="主办单位">
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
