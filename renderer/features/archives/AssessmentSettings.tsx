import { Form, InputNumber, Radio, Switch } from 'antd';
import { useEffect } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { movedUnitRule } from '../../../electron/vocab';
import { useAction } from '../../api/use-action';
import { FormModal } from '../../shared/FormModal';

type Settings = ChannelOutput<'staff.settings'>;

/** 优秀 share, its tie to the unit grade, the unit of a person who moved, the yearly training hours. */
export function AssessmentSettings(p: { value: Settings; onClose(): void }) {
  const [form] = Form.useForm<Settings>();
  const save = useAction('staff.saveSettings', { form, done: '设置已保存' });
  useEffect(() => form.setFieldsValue(p.value), [form, p.value]);
  const submit = async () => {
    const v = await form.validateFields();
    if (await save.run(v)) p.onClose();
  };
  return (
    <FormModal title="年度考核与培训设置" busy={save.busy} onOk={() => void submit()} onClose={p.onClose} width={560}>
      <Form form={form} layout="vertical" initialValues={p.value}>
        <Form.Item
          name="excellentShare"
          label="优秀比例（占参加考核人数的百分比）"
          extra="一般不超过 20%，经批准最多 25%"
        >
          <InputNumber min={1} max={25} step={1} addonAfter="%" aria-label="优秀比例" />
        </Form.Item>
        <Form.Item
          name="byUnitGrade"
          label="按单位目标考核等次确定优秀比例"
          valuePropName="checked"
          extra="开启后，各单位的优秀比例按规则表“优秀比例与单位等次”取；未登记单位等次的仍按上面的比例"
        >
          <Switch aria-label="按单位等次确定优秀比例" />
        </Form.Item>
        <Form.Item name="movedUnit" label="年中调动人员的考核单位">
          <Radio.Group
            options={movedUnitRule.values.map((v) => ({ value: v, label: `由${movedUnitRule.labels[v]}考核` }))}
          />
        </Form.Item>
        <Form.Item name="trainingHours" label="每人每年培训学时要求">
          <InputNumber min={0} max={1000} addonAfter="学时" aria-label="年度培训学时" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
