import { Alert, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { ChannelOutput } from '../../../electron/contract';
import {
  complaintCategories,
  complaintCategoryLabels,
  complaintChannelLabels,
  complaintChannels,
} from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { FormModal } from '../../shared/FormModal';
import { UnitSelect } from '../../shared/UnitSelect';
import { PersonSelect } from './PersonSelect';

export type ComplaintRow = ChannelOutput<'complaints.list'>[number];

/** Register a complaint, or change one still being handled (the complainant only by its handler). */
export function ComplaintForm({ row, me, onClose }: { row: ComplaintRow | null; me: string; onClose(): void }) {
  const [form] = Form.useForm();
  const save = useAction('complaints.save', { form, done: row ? '已保存' : '已登记投诉' });
  const unitId = Form.useWatch('unitId', form) as number | undefined;
  const locked = row !== null && !row.fullContact && row.handler !== null;
  const submit = async () => {
    const v = await form.validateFields();
    const out = await save.run({
      ...(row ? { id: row.id } : {}),
      channel: v.channel,
      ref: v.ref || null,
      receivedOn: (v.receivedOn as dayjs.Dayjs).format('YYYY-MM-DD'),
      complainantName: v.complainantName || null,
      complainantPhone: v.complainantPhone || null,
      unitId: v.unitId,
      personId: v.personId ?? null,
      category: v.category,
      content: v.content,
      handler: v.handler || null,
      workingDays: v.workingDays,
    });
    if (out) onClose();
  };
  return (
    <FormModal width={720} title={row ? '修改投诉' : '登记投诉'} busy={save.busy} onOk={submit} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={
          row
            ? { ...row, receivedOn: dayjs(row.receivedOn) }
            : { channel: 'phone', receivedOn: dayjs(), category: 'delay', handler: me, workingDays: 15 }
        }
      >
        <Space size="middle" wrap>
          <Form.Item name="channel" label="投诉渠道" rules={[{ required: true, message: '请选择投诉渠道' }]}>
            <Select
              style={{ width: 140 }}
              options={complaintChannels.map((c) => ({ value: c, label: complaintChannelLabels[c] }))}
            />
          </Form.Item>
          <Form.Item name="ref" label="来件编号">
            <Input style={{ width: 180 }} maxLength={60} placeholder="12345 工单号等" />
          </Form.Item>
          <Form.Item name="receivedOn" label="受理日期" rules={[{ required: true, message: '请选择受理日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            name="workingDays"
            label="办理期限（工作日）"
            rules={[{ required: true, message: '请填写办理期限' }]}
          >
            <InputNumber min={1} max={60} />
          </Form.Item>
        </Space>
        {locked && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={`投诉人信息已遮盖，只有承办人（${row.handler}）可以查看和修改。`}
          />
        )}
        <Space size="middle" wrap>
          <Form.Item name="complainantName" label="投诉人">
            <Input style={{ width: 160 }} maxLength={30} disabled={locked} />
          </Form.Item>
          <Form.Item name="complainantPhone" label="联系电话">
            <Input style={{ width: 180 }} maxLength={30} disabled={locked} />
          </Form.Item>
          <Form.Item name="handler" label="承办人（账号）">
            <Input style={{ width: 160 }} maxLength={40} />
          </Form.Item>
        </Space>
        <Space size="middle" wrap>
          <Form.Item name="unitId" label="被投诉单位" rules={[{ required: true, message: '请选择被投诉单位' }]}>
            <UnitSelect style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="personId" label="被投诉人">
            <PersonSelect unitId={unitId} />
          </Form.Item>
          <Form.Item name="category" label="投诉类别" rules={[{ required: true, message: '请选择投诉类别' }]}>
            <Select
              style={{ width: 140 }}
              options={complaintCategories.map((c) => ({ value: c, label: complaintCategoryLabels[c] }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="content" label="投诉内容" rules={[{ required: true, message: '请填写投诉内容' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
