import { Alert, Layout, Menu, Result, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { roleLabels } from '../../electron/contract/labels';
import { useCall } from '../api/use-call';
import { ModulePlaceholder } from '../features/placeholder/ModulePlaceholder';
import { SettingsPage } from '../features/settings/SettingsPage';
import { modules } from './modules';
import { useHashRoute } from './use-hash-route';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const [route, go] = useHashRoute('org');
  const info = useCall('system.info', {});
  const active = modules.find((m) => m.key === route) ?? modules[0]!;

  useEffect(() => {
    // the readiness signal tests wait for: the shell has rendered and the core answered
    if (info.data) document.documentElement.dataset.kaopingReady = '1';
  }, [info.data]);

  if (info.loading && !info.data) {
    return <Spin fullscreen tip="正在打开考评……" />;
  }
  if (info.error && !info.data) {
    return <Result status="error" title="考评无法打开" subTitle={info.error} />;
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#a61b1b', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          考评 · 目标管理与责任追究
        </Typography.Title>
        <Typography.Text style={{ color: '#fde8e8', flex: 1 }} ellipsis>
          {info.data?.unitName || '（尚未设置本单位名称）'}
        </Typography.Text>
        {info.data && (
          <Typography.Text style={{ color: '#fff' }}>
            {info.data.caller.username} <Tag color="gold">{roleLabels[info.data.caller.role]}</Tag>
          </Typography.Text>
        )}
      </Header>
      <Layout>
        <Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64}>
          <Menu
            mode="inline"
            selectedKeys={[active.key]}
            style={{ height: '100%', paddingTop: 8 }}
            items={modules.map((m) => ({ key: m.key, icon: m.icon, label: m.label }))}
            onClick={(e) => go(e.key)}
          />
        </Sider>
        <Content style={{ padding: 24 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {active.label}
          </Typography.Title>
          {info.data && !info.data.unitName && active.key !== 'settings' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="请先到“系统设置”填写本单位名称，它将用于公文落款。"
            />
          )}
          {active.key === 'settings' ? <SettingsPage onSaved={info.reload} /> : <ModulePlaceholder module={active} />}
        </Content>
      </Layout>
    </Layout>
  );
}
