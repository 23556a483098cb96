import { Card, Result, Typography } from 'antd';
import type { ModuleDef } from '../../app/modules';

/** A module not built yet says what it will hold; it never shows a broken page. */
export function ModulePlaceholder({ module }: { module: ModuleDef }) {
  return (
    <Card>
      <Result
        icon={<span style={{ fontSize: 56, color: '#c0392b' }}>{module.icon}</span>}
        title={`${module.label}（建设中）`}
        subTitle="本模块尚未开放。开放后将提供："
        extra={
          <ul data-testid="module-plans" style={{ textAlign: 'left', display: 'inline-block', margin: 0 }}>
            {module.plans.map((p) => (
              <li key={p}>
                <Typography.Text>{p}</Typography.Text>
              </li>
            ))}
          </ul>
        }
      />
    </Card>
  );
}
