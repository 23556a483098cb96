import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card every sign-in screen uses, on the office's red band. */
export function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: '#f3f0ef' }}>
      <div style={{ background: '#a61b1b', padding: '20px 32px' }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
          考评 · 目标管理与责任追究
        </Typography.Title>
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', paddingTop: 64 }}>
        <Card style={{ width: 440 }} title={title}>
          {subtitle && <div style={{ marginBottom: 16 }}>{subtitle}</div>}
          {children}
        </Card>
      </div>
    </div>
  );
}
