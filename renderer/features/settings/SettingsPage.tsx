import { Button, Card, Space, Tabs } from 'antd';
import type { SignedInUser } from '../../app/auth-context';
import { useCan } from '../../app/can';
import { BackupTab } from './BackupTab';
import { BusinessSettingsTab } from './BusinessSettingsTab';
import { CalendarTab } from './CalendarTab';
import { ExchangeKeysTab } from './ExchangeKeysTab';
import { SystemInfoCard } from './SystemInfoCard';
import { UnitSettingsTab } from './UnitSettingsTab';
import { UsersTab } from './UsersTab';

/**
 * 系统设置: the system half for the administrator; the business half (公文与责任书) for the evaluator; for
 * everyone else, their own account and the system facts.
 */
export function SettingsPage({ user, onChangePassword }: { user: SignedInUser; onChangePassword(): void }) {
  const can = useCan();
  if (!can('settings.update')) {
    const mine = (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title="我的账号">
          <Space>
            <span>
              {user.displayName}（{user.username}）
            </span>
            <Button onClick={onChangePassword}>修改密码</Button>
          </Space>
        </Card>
        <SystemInfoCard />
      </Space>
    );
    if (!can('settings.updateBusiness')) return mine;
    return (
      <Tabs
        destroyOnHidden
        items={[
          { key: 'business', label: '公文与责任书', children: <BusinessSettingsTab /> },
          { key: 'mine', label: '我的账号', children: mine },
        ]}
      />
    );
  }
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'unit', label: '本单位与系统', children: <UnitSettingsTab /> },
        { key: 'calendar', label: '工作日历', children: <CalendarTab /> },
        { key: 'users', label: '账号管理', children: <UsersTab self={user} /> },
        { key: 'backup', label: '备份与恢复', children: <BackupTab /> },
        { key: 'keys', label: '交换密钥', children: <ExchangeKeysTab /> },
        { key: 'info', label: '系统信息', children: <SystemInfoCard /> },
      ]}
    />
  );
}
