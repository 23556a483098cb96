import { DownOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { roleLabels } from '../../electron/contract/labels';
import { useCall } from '../api/use-call';
import { AuditPage } from '../features/audit/AuditPage';
import { FirstRunChecklist } from '../features/first-run/FirstRunChecklist';
import { EfficiencyPage } from '../features/efficiency/EfficiencyPage';
import { ExchangePage } from '../features/exchange/ExchangePage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ChangePasswordModal } from '../features/auth/ChangePassword';
import { OrgPage } from '../features/org/OrgPage';
import { HelpPage } from '../features/help/HelpPage';
import { QuickStartPage } from '../features/help/QuickStartPage';
import { ModulePlaceholder } from '../features/placeholder/ModulePlaceholder';
import { TargetsModule } from '../features/plans/TargetsModule';
import { ProgressModule } from '../features/progress/ProgressModule';
import { ResultsModule } from '../features/results/ResultsModule';
import { ScoringEntryModule } from '../features/scoring-entry/ScoringEntryModule';
import { RuleTablesPage } from '../features/rule-tables/RuleTablesPage';
import { ArchivesPage } from '../features/archives/ArchivesPage';
import { PublicationPage } from '../features/publication/PublicationPage';
import { SupervisionWebPage } from '../features/supervision-web/SupervisionWebPage';
import { CasesPage } from '../features/cases/CasesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { type SignedInUser, useAuth } from './auth-context';
import { useCan } from './can';
import { groupIcons, type ModuleDef, modules } from './modules';
import { useHashRoute } from './use-hash-route';

const { Header, Sider, Content } = Layout;

export function AppShell({ user }: { user: SignedInUser }) {
  const auth = useAuth();
  const can = useCan();
  const visible = modules.filter((m) => m.roles.includes(user.role));
  // a 考评员 starts on 进展督查's overdue board: what is late, and who owns it; a 领导 on his dashboard
  const home = user.role === 'evaluator' ? 'progress' : user.role === 'leader' ? 'dashboard' : visible[0]!.key;
  const [route, go] = useHashRoute(home);
  // the unit's name in the header: another session (the administrator's) may change it
  const info = useCall('system.info', {}, { onFocus: true });
  const [changing, setChanging] = useState(false);
  const active = visible.find((m) => m.key === route) ?? visible[0]!;
  // the guide is open to every role: not a module, a page of its own (and its quick start a bare sheet to print)
  const help = route === 'help';

  useEffect(() => {
    // the readiness signal tests wait for: the shell has rendered and the core answered
    if (info.data) document.documentElement.dataset.kaopingReady = '1';
    return () => void delete document.documentElement.dataset.kaopingReady;
  }, [info.data]);

  if (route === 'quick-start') return <QuickStartPage onBack={() => go('help')} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#a61b1b', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          考评 · 目标管理与责任追究
        </Typography.Title>
        {info.data?.demo && (
          <Tag color="orange" data-testid="demo-tag" style={{ fontSize: 16, padding: '4px 10px', fontWeight: 700 }}>
            演示数据
          </Tag>
        )}
        {info.data?.unitMode && (
          <Tooltip title="本机只填报本单位的进展及佐证、通知书回复、自评和办件与成本数据，经“数据交换”报送上级；目标、通知书等由上级考评办下发。">
            <Tag color="blue" data-testid="unit-mode-tag" style={{ fontSize: 14, padding: '2px 8px' }}>
              单位模式：{info.data.unitMode.unitName}
            </Tag>
          </Tooltip>
        )}
        <Typography.Text style={{ color: '#fde8e8', flex: 1 }} ellipsis>
          {info.data?.unitName || '（尚未设置本单位名称）'}
        </Typography.Text>
        <Button
          type="text"
          style={{ color: '#fff' }}
          icon={<QuestionCircleOutlined />}
          onClick={() => go('help')}
          data-testid="help-open"
        >
          帮助
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'password', label: '修改密码' },
              { key: 'lock', label: '锁定屏幕' },
              { type: 'divider' },
              { key: 'logout', label: '退出登录' },
            ],
            onClick: ({ key }) => {
              if (key === 'password') setChanging(true);
              if (key === 'lock') void auth.lock();
              if (key === 'logout') void auth.logout();
            },
          }}
        >
          <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
            {user.displayName} <Tag color="gold">{roleLabels[user.role]}</Tag>
            <DownOutlined />
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        <Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64}>
          <Menu
            mode="inline"
            selectedKeys={help ? [] : [active.key]}
            style={{ height: '100%', paddingTop: 8 }}
            defaultOpenKeys={groupKeys(visible)}
            items={menuItems(visible)}
            onClick={(e) => go(e.key)}
          />
        </Sider>
        <Content style={{ padding: 24 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {help ? '帮助' : active.label}
          </Typography.Title>
          {info.data && !info.data.unitName && can('settings.update') && active.key !== 'settings' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="请先到“系统设置”填写本单位名称，它将用于公文落款。"
            />
          )}
          {!help && active.key === home && (user.role === 'admin' || user.role === 'evaluator') && (
            <FirstRunChecklist who={user.username} go={go} />
          )}
          {help ? (
            <HelpPage onQuickStart={() => go('quick-start')} />
          ) : active.key === 'settings' ? (
            <SettingsPage user={user} onChangePassword={() => setChanging(true)} />
          ) : active.key === 'audit' ? (
            <AuditPage />
          ) : active.key === 'org' ? (
            <OrgPage />
          ) : active.key === 'targets' ? (
            <TargetsModule />
          ) : active.key === 'progress' ? (
            <ProgressModule user={user} />
          ) : active.key === 'results' ? (
            <ResultsModule />
          ) : active.key === 'scoring-entry' ? (
            <ScoringEntryModule user={user} />
          ) : active.key === 'rule-tables' ? (
            <RuleTablesPage />
          ) : active.key === 'efficiency' ? (
            <EfficiencyPage />
          ) : active.key === 'exchange' ? (
            <ExchangePage />
          ) : active.key === 'dashboard' ? (
            <DashboardPage />
          ) : active.key === 'publication' ? (
            <PublicationPage />
          ) : active.key === 'supervision-web' ? (
            <SupervisionWebPage me={user.username} />
          ) : active.key === 'cases' ? (
            <CasesPage />
          ) : active.key === 'archives' ? (
            <ArchivesPage />
          ) : (
            <ModulePlaceholder module={active} />
          )}
        </Content>
      </Layout>
      <ChangePasswordModal
        open={changing}
        onCancel={() => setChanging(false)}
        onDone={() => {
          setChanging(false);
          void auth.refresh();
        }}
      />
    </Layout>
  );
}

type MenuItem = { key: string; icon: ReactNode; label: string; children?: MenuItem[] };

/** The modules as menu items: those of a group under one heading, where its first module stands. */
function menuItems(visible: ModuleDef[]): MenuItem[] {
  const out: MenuItem[] = [];
  const groups = new Map<string, MenuItem>();
  for (const m of visible) {
    const item = { key: m.key, icon: m.icon, label: m.label };
    if (!m.group) {
      out.push(item);
      continue;
    }
    let g = groups.get(m.group);
    if (!g) {
      g = { key: `group:${m.group}`, icon: groupIcons[m.group] ?? m.icon, label: m.group, children: [] };
      groups.set(m.group, g);
      out.push(g);
    }
    g.children!.push({ ...item, icon: null });
  }
  return out;
}

const groupKeys = (visible: ModuleDef[]) => [...new Set(visible.flatMap((m) => (m.group ? [`group:${m.group}`] : [])))];
