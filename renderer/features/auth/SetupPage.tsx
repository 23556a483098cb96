import { Alert, Button, Divider, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { AuthFrame } from './AuthFrame';
import { confirmRule, newPasswordRules } from './password-rules';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First start: create the system administrator (there is no default account), or restore a backup. */
export function SetupPage() {
  const auth = useAuth();
  const [form] = Form.useForm<SetupValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restorePath, setRestorePath] = useState('');

  const submit = async ({ confirm: _c, ...v }: SetupValues) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('auth.setup', v);
      auth.signedIn(r);
    } catch (e) {
      setError(errorMessage(e));
      form.setFields(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  };

  const restore = () =>
    Modal.confirm({
      title: '从备份恢复',
      content: `将用备份“${restorePath}”中的全部数据（含账号）建立本机数据。确定吗？`,
      okText: '恢复',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('backup.restoreNew', { file: restorePath, confirm: true });
          await auth.refresh('已从备份恢复，请用备份中的账号登录。');
        } catch (e) {
          setError(errorMessage(e));
        }
      },
    });

  return (
    <AuthFrame
      title="首次使用：创建系统管理员"
      subtitle={
        <Typography.Text type="secondary">
          系统没有默认账号。请创建系统管理员账号，之后由他为考评员、录入员、领导和安全审计员开设账号。
        </Typography.Text>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label="密码"
          rules={newPasswordRules}
          extra="至少 8 位，含大写字母、小写字母、数字、符号中的至少三类"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入密码"
          dependencies={['password']}
          rules={[{ required: true, message: '请再次输入密码' }, confirmRule('password')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          创建并登录
        </Button>
      </Form>
      <Divider plain>或者</Divider>
      <Typography.Paragraph type="secondary">
        换了新电脑？输入原来的备份文件（.kpbak）的完整路径，从备份恢复全部数据。
      </Typography.Paragraph>
      <Input.Search
        placeholder="例如 E:\考评备份\考评备份-20261120-170000.kpbak"
        enterButton="从备份恢复"
        value={restorePath}
        onChange={(e) => setRestorePath(e.target.value)}
        onSearch={() => restorePath.trim() && restore()}
      />
    </AuthFrame>
  );
}
