import { Form, Input, Modal } from 'antd';
import { useAction } from '../../api/use-action';
import { confirmRule, newPasswordRules } from './password-rules';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; `forced` for an account whose initial password must be replaced. */
export function ChangePasswordModal({
  open,
  forced,
  onDone,
  onCancel,
}: {
  open: boolean;
  forced?: boolean;
  onDone(): void;
  onCancel(): void;
}) {
  const [form] = Form.useForm<Values>();
  const change = useAction('auth.changePassword', { form, done: '密码已修改' });
  const submit = async () => {
    const { confirm: _c, ...v } = await form.validateFields();
    if (!(await change.run(v))) return;
    form.resetFields();
    onDone();
  };
  return (
    <Modal
      open={open}
      title={forced ? '请先修改初始密码' : '修改密码'}
      okText="修改"
      cancelText="取消"
      onOk={submit}
      confirmLoading={change.busy}
      onCancel={forced ? undefined : onCancel}
      closable={!forced}
      maskClosable={false}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="oldPassword"
          label={forced ? '初始密码' : '原密码'}
          rules={[{ required: true, message: '请填写原密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={newPasswordRules}
          extra="至少 8 位，含大写字母、小写字母、数字、符号中的至少三类"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入新密码' }, confirmRule('newPassword')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
