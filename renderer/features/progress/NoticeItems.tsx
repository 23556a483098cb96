import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';

/** One item as the form holds it. */
export type ItemValues = { text: string; lead?: string; partners?: string; deadline?: Dayjs | null };

/** The form's items as the contract takes them: empty fields left out. */
export const itemsOf = (items: ItemValues[]) =>
  items.map((i) => ({
    text: i.text,
    ...(i.lead?.trim() ? { lead: i.lead.trim() } : {}),
    ...(i.partners?.trim() ? { partners: i.partners.trim() } : {}),
    ...(i.deadline ? { deadline: i.deadline.format('YYYY-MM-DD') } : {}),
  }));

/** The notice's items, each with its own lead and partner units and deadline, all printed on the notice. */
export function NoticeItems() {
  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: async (_, v: ItemValues[] | undefined) => {
            if (!v?.length) throw new Error('至少写一个事项');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" size={4} wrap style={{ display: 'flex' }}>
              <Form.Item
                name={[f.name, 'text']}
                rules={[
                  { required: true, whitespace: true, message: '请填写事项' },
                  { max: 500, message: '不能超过 500 个字' },
                ]}
              >
                <Input aria-label={`事项${i + 1}`} placeholder={`事项${i + 1}`} style={{ width: 230 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'lead']} rules={[{ max: 60, message: '不能超过 60 个字' }]}>
                <Input aria-label={`事项${i + 1}牵头单位`} placeholder="牵头单位" style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'partners']} rules={[{ max: 200, message: '不能超过 200 个字' }]}>
                <Input aria-label={`事项${i + 1}配合单位`} placeholder="配合单位" style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'deadline']}>
                <DatePicker aria-label={`事项${i + 1}时限`} placeholder="时限" style={{ width: 110 }} />
              </Form.Item>
              <Button
                type="text"
                aria-label={`删除事项${i + 1}`}
                icon={<DeleteOutlined />}
                onClick={() => remove(f.name)}
              />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ text: '' })}
            disabled={fields.length >= 30}
          >
            增加事项
          </Button>
        </>
      )}
    </Form.List>
  );
}
