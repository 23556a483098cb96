import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { type SignedInUser, useAuth } from '../../app/auth-context';
import { AuthFrame } from './AuthFrame';

/** Shown instead of the app when the screen is locked: no data is on screen until the password is given. */
export function LockScreen({ user }: { user: SignedInUser }) {
  const auth = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const submit = async (v: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.unlock', v);
      await auth.refresh();
    } catch (e) {
      form.resetFields();
      setError(errorMessage(e));
      await auth.refresh('账号已锁定或登录已失效，请重新登录。').catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthFrame
      title="屏幕已锁定"
      subtitle={<Typography.Text>{`${user.displayName}（${user.username}），请输入密码解锁。`}</Typography.Text>}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            解锁
          </Button>
          <Button onClick={() => void auth.logout()}>退出登录</Button>
        </Space>
      </Form>
    </AuthFrame>
  );
}
