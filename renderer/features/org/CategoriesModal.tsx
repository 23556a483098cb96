import { Button, Form, Input, List, Modal, Popconfirm } from 'antd';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';

/** The editable list of assessment categories (党群部门, 政府工作部门, 乡镇街道 …). */
export function CategoriesModal({ onClose }: { onClose(): void }) {
  const can = useCan();
  const list = useCall('categories.list', {});
  const [form] = Form.useForm<{ name: string }>();
  const save = useAction('categories.save', { form });
  const remove = useAction('categories.remove');
  const add = async ({ name }: { name: string }) => {
    if (await save.run({ name: name.trim() })) form.resetFields();
  };
  return (
    <Modal open title="考核类别" footer={<Button onClick={onClose}>关闭</Button>} onCancel={onClose}>
      <List
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        renderItem={(c) => (
          <List.Item
            actions={
              can('categories.remove')
                ? [
                    <Popconfirm
                      key="d"
                      title={`删除类别“${c.name}”？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => remove.run({ id: c.id })}
                    >
                      <Button type="link" danger size="small" disabled={c.units > 0}>
                        删除
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            {c.name}（{c.units} 个单位）
          </List.Item>
        )}
      />
      {can('categories.save') && (
        <Form form={form} onFinish={add} style={{ marginTop: 12 }}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写类别名称' }]}>
            <Input.Search
              placeholder="新类别名称"
              maxLength={20}
              enterButton="添加"
              loading={save.busy}
              onSearch={() => form.submit()}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
