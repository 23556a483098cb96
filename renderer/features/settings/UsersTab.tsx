import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { type Role, roleLabels, roles } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import type { SignedInUser } from '../../app/auth-context';
import { UnitSelect } from '../../shared/UnitSelect';
import { newPasswordRules } from '../auth/password-rules';
import { formatDateTime } from '../../shared/datetime';

type Row = ChannelOutput<'users.list'>[number];
const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

/** Accounts: the administrator opens them, assigns one role each, resets and unlocks; never his own role. */
export function UsersTab({ self }: { self: SignedInUser }) {
  const { modal } = App.useApp();
  const list = useCall('users.list', {});
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Row | null>(null);
  const [binding, setBinding] = useState<Row | null>(null);
  const [createForm] = Form.useForm<{
    username: string;
    displayName: string;
    role: Role;
    unitId?: number;
    password: string;
  }>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const [bindForm] = Form.useForm<{ unitId: number }>();
  const creation = useAction('users.create', {
    form: createForm,
    done: (u) => `已创建账号 ${u.username}，首次登录须修改密码`,
  });
  const resetPassword = useAction('users.resetPassword', {
    form: resetForm,
    done: '密码已重置，该用户下次登录须修改密码',
  });
  const update = useAction('users.update');
  const rebind = useAction('users.update', {
    form: bindForm,
    done: (u) => `${u.username} 的所属单位已改为${u.unitName}`,
  });
  const unlock = useAction('users.unlock');

  const create = async () => {
    // a form left incomplete shows its messages; nothing more to do
    const v = await createForm.validateFields().catch(() => undefined);
    if (!v) return;
    if (await creation.run(v)) {
      setCreating(false);
      createForm.resetFields();
    }
  };

  const reset = async () => {
    // a form left incomplete shows its messages; nothing more to do
    const v = await resetForm.validateFields().catch(() => undefined);
    if (!v) return;
    if (resetting && (await resetPassword.run({ id: resetting.id, password: v.password }))) {
      setResetting(null);
      resetForm.resetFields();
    }
  };

  const bind = async () => {
    // a form left incomplete shows its messages; nothing more to do
    const v = await bindForm.validateFields().catch(() => undefined);
    if (!v) return;
    if (binding && (await rebind.run({ id: binding.id, unitId: v.unitId }))) setBinding(null);
  };

  return (
    <Card
      title="账号"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建账号
        </Button>
      }
    >
      <Table<Row>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (r: Role, u) =>
              u.id === self.id ? (
                <Tag>{roleLabels[r]}</Tag>
              ) : (
                <Select
                  size="small"
                  value={r}
                  options={roleOptions}
                  style={{ width: 130 }}
                  onChange={(role) =>
                    modal.confirm({
                      title: `把 ${u.username} 改为“${roleLabels[role]}”？`,
                      content: '改后该用户需重新登录。',
                      okText: '确定',
                      cancelText: '取消',
                      onOk: () => update.run({ id: u.id, role }, '角色已修改'),
                    })
                  }
                />
              ),
          },
          {
            title: '所属单位',
            dataIndex: 'unitName',
            render: (name: string | null, u) =>
              u.role !== 'clerk' ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : name ? (
                name
              ) : (
                <Tag color="orange">未绑定单位，不能填报</Tag>
              ),
          },
          {
            title: '状态',
            key: 'state',
            render: (_, u) => (
              <Space>
                {u.locked && <Tag color="red">已锁定</Tag>}
                {u.mustChangePassword && <Tag color="orange">待改初始密码</Tag>}
                <Switch
                  size="small"
                  checked={!u.disabled}
                  disabled={u.id === self.id}
                  checkedChildren="启用"
                  unCheckedChildren="停用"
                  onChange={(on) => update.run({ id: u.id, disabled: !on }, on ? '已启用' : '已停用')}
                />
              </Space>
            ),
          },
          {
            title: '最近登录',
            dataIndex: 'lastLoginAt',
            render: (t: number | null) => (t ? formatDateTime(t) : '从未'),
          },
          {
            title: '操作',
            key: 'ops',
            render: (_, u) => (
              <Space>
                {u.locked && (
                  <Button size="small" onClick={() => unlock.run({ id: u.id }, `已解除 ${u.username} 的锁定`)}>
                    解除锁定
                  </Button>
                )}
                {u.role === 'clerk' && (
                  <Button size="small" onClick={() => setBinding(u)}>
                    所属单位
                  </Button>
                )}
                {u.id !== self.id && (
                  <Button size="small" onClick={() => setResetting(u)}>
                    重置密码
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title="新建账号"
        okText="创建"
        cancelText="取消"
        onOk={create}
        confirmLoading={creation.busy}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={createForm} layout="vertical" requiredMark={false} initialValues={{ role: 'evaluator' }}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="displayName"
            label="姓名"
            rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="role" label="角色" extra="每个账号只有一个角色；系统管理员、安全审计员应由不同的人担任">
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item noStyle dependencies={['role']}>
            {({ getFieldValue }) =>
              getFieldValue('role') === 'clerk' && (
                <Form.Item
                  name="unitId"
                  label="所属单位"
                  rules={[{ required: true, message: '请选择录入员所属单位' }]}
                  extra="录入员只能填报、回复本单位的事项"
                >
                  <UnitSelect source="users.units" />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={newPasswordRules} extra="用户首次登录时必须修改">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!resetting}
        title={`重置 ${resetting?.username ?? ''} 的密码`}
        okText="重置"
        cancelText="取消"
        onOk={reset}
        onCancel={() => setResetting(null)}
        destroyOnHidden
      >
        <Form form={resetForm} layout="vertical" requiredMark={false}>
          <Form.Item name="password" label="新的初始密码" rules={newPasswordRules}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!binding}
        title={`${binding?.username ?? ''} 的所属单位`}
        okText="保存"
        cancelText="取消"
        onOk={bind}
        confirmLoading={rebind.busy}
        onCancel={() => setBinding(null)}
        destroyOnHidden
      >
        <Form
          form={bindForm}
          layout="vertical"
          requiredMark={false}
          initialValues={{ unitId: binding?.unitId ?? undefined }}
        >
          <Form.Item
            name="unitId"
            label="所属单位"
            rules={[{ required: true, message: '请选择所属单位' }]}
            extra="改后该用户需重新登录"
          >
            <UnitSelect source="users.units" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
