import { App, Button, Input, List, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/use-call';

/** The editable list of assessment categories (党群部门, 政府工作部门, 乡镇街道 …). */
export function CategoriesModal({ canEdit, onClose }: { canEdit: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const list = useCall('categories.list', {});
  const [name, setName] = useState('');
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      list.reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
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
              canEdit
                ? [
                    <Popconfirm key="d" title={`删除类别“${c.name}”？`} okText="删除" cancelText="取消" onConfirm={() => run(call('categories.remove', { id: c.id }))}>
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
      {canEdit && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input placeholder="新类别名称" value={name} maxLength={20} onChange={(e) => setName(e.target.value)} />
          <Button type="primary" onClick={async () => name.trim() && (await run(call('categories.save', { name: name.trim() }))) && setName('')}>
            添加
          </Button>
        </Space.Compact>
      )}
    </Modal>
  );
}
