import { Result, Spin } from 'antd';
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

export function Root() {
  return (
    <AuthProvider>
      <Screens />
    </AuthProvider>
  );
}
