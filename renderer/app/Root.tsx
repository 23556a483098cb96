import { Alert, Result, Spin } from 'antd';
import { ForcedChange } from '../features/auth/ForcedChange';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { AppShell } from './App';
import { AuthProvider, useAuth } from './auth-context';

function Screens() {
  const { state } = useAuth();
  switch (state.phase) {
    case 'loading':
      return <Spin fullscreen tip="正在打开考评……" />;
    case 'error':
      return <Result status="error" title="考评无法打开" subTitle={state.message} />;
    case 'setup':
      return <SetupPage />;
    case 'login':
      return <LoginPage notice={state.notice} />;
    case 'locked':
      return <LockScreen user={state.user} />;
    case 'ready':
      return state.user.mustChangePassword ? (
        <ForcedChange user={state.user} />
      ) : (
        <AppShell key={state.user.id} user={state.user} />
      );
  }
}

/** Above every screen, sign-in included, of a demonstration run: nobody takes its figures for real ones. */
function DemoBanner() {
  const { demo } = useAuth();
  if (!demo) return null;
  return (
    <Alert
      data-testid="demo-banner"
      type="warning"
      banner
      showIcon
      style={{ position: 'sticky', top: 0, zIndex: 1000, fontWeight: 600, justifyContent: 'center' }}
      message="演示数据 — 本程序正以演示模式运行，所有单位、人员、方案和文件均为虚构，不得作为正式数据使用。"
    />
  );
}

export function Root() {
  return (
    <AuthProvider>
      <DemoBanner />
      <Screens />
    </AuthProvider>
  );
}
