import { useEffect } from 'react';
import { type SignedInUser, useAuth } from '../../app/auth-context';
import { AuthFrame } from './AuthFrame';
import { ChangePasswordModal } from './ChangePassword';

/** An account whose initial password was set by the administrator sees nothing else until it is changed. */
export function ForcedChange({ user }: { user: SignedInUser }) {
  const auth = useAuth();
  useEffect(() => {
    document.documentElement.dataset.kaopingReady = '1';
    return () => void delete document.documentElement.dataset.kaopingReady;
  }, []);
  return (
    <AuthFrame title={`欢迎，${user.displayName}`}>
      <p>这是系统管理员为您设置的初始密码。为了安全，请先修改为只有您自己知道的密码。</p>
      <ChangePasswordModal open forced onCancel={() => undefined} onDone={() => void auth.refresh()} />
    </AuthFrame>
  );
}
