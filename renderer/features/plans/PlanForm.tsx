import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ChannelOutput } from '../../../electron/contract';
import { useAction } from '../../api/use-action';
import { FormModal } from '../../shared/FormModal';

type Plan = ChannelOutput<'plans.list'>[number];

/** A new year's plan, blank or as a copy of an earlier one (indicators and the targets of active units). */
export function PlanForm({
  plans,
  onClose,
  onCreated,
}: {
  plans: Plan[];
  onClose(): void;
  onCreated(id: number): void;
}) {
  const [form] = Form.useForm();
  const create = useAction('plans.create', { form, done: (p) => `已新建${p.year}年度考核方案` });
  const last = plans[0];
  const year = (last?.year ?? new Date().getFullYear() - 1) + 1;

  const submit = async () => {
    const v = (await form.validateFields()) as {
      year: number;
      title: string;
      totalPoints: number;
      basis?: string;
      period: [Dayjs, Dayjs];
      copyFrom?: number;
    };
    const p = await create.run({
      year: v.year,
      title: v.title,
      totalPoints: v.totalPoints,
      basis: v.basis ?? '',
      periodStart: v.period[0].format('YYYY-MM-DD'),
      periodEnd: v.period[1].format('YYYY-MM-DD'),
      ...(v.copyFrom ? { copyFrom: v.copyFrom } : {}),
    });
    if (p) onCreated(p.id);
  };

  return (
    <FormModal title="新建年度考核方案" okText="新建" busy={create.busy} onOk={submit} onClose={onClose} width={560}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          year,
          title: `${year}年度目标管理考核方案`,
          totalPoints: 100,
          period: [dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)],
          copyFrom: last?.id,
        }}
        onValuesChange={(changed: { year?: number }) => {
          if (changed.year)
            form.setFieldsValue({
              title: `${changed.year}年度目标管理考核方案`,
              period: [dayjs(`${changed.year}-01-01`), dayjs(`${changed.year}-12-31`)],
            });
        }}
      >
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="title"
          label="方案名称"
          rules={[
            { required: true, message: '请填写方案名称' },
            { max: 80, message: '不能超过 80 个字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="totalPoints"
          label="基本分（每个单位共性和个性指标的合计）"
          rules={[{ required: true, message: '请填写基本分' }]}
        >
          <InputNumber min={1} max={1000} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="period" label="责任期限" rules={[{ required: true, message: '请选择责任期限' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item
          name="basis"
          label="考核依据（写入责任书开头，可不填）"
          rules={[{ max: 500, message: '不能超过 500 个字' }]}
        >
          <Input.TextArea rows={2} placeholder="如：《示例县目标管理考核办法》" />
        </Form.Item>
        <Form.Item name="copyFrom" label="复制自" extra="复制该方案的指标体系和在用单位的目标任务；责任书不复制。">
          <Select
            allowClear
            placeholder="不复制，从空白开始"
            options={plans.map((p) => ({ value: p.id, label: `${p.year} 年 · ${p.title}` }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
