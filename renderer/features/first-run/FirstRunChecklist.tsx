import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, List, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { useCall } from '../../api/use-call';

type Step = ChannelOutput<'system.firstRun'>['items'][number]['step'];

/** Where each step is done: the module to open and the way inside it, for someone who has never seen the app. */
const where: Record<Step, { module: string; hint: string }> = {
  unit: { module: 'settings', hint: '系统设置 → 本单位与系统：单位名称用于公文落款，级别决定考核方案的层级' },
  evaluatorAccount: {
    module: 'settings',
    hint: '系统设置 → 账号管理 → 新建账号，角色选“考评员”；日常考评工作由他完成',
  },
  letterhead: { module: 'settings', hint: '系统设置 → 公文与责任书：发文机关（红头）、各类公文的发文代字、责任书甲方' },
  org: {
    module: 'org',
    hint: '组织人员：下载模板，填好后导入单位，再导入人员（先预览后写入）。想先熟悉系统，可另外打开演示数据（见“帮助”）',
  },
  plan: { module: 'targets', hint: '目标管理 → 新建方案：年度、标题与总分' },
  indicators: {
    module: 'targets',
    hint: '目标管理 → 打开方案：导入指标，为各类别分配共性指标，再导入各单位的个性目标',
  },
  publish: { module: 'targets', hint: '目标管理 → 打开方案 → 发布：发布后才能生成责任书' },
  letter: { module: 'targets', hint: '目标管理 → 打开方案 → 责任书：生成一份，打开后打印' },
};

const dismissKey = (who: string) => `kaoping.firstRun.dismissed.${who}`;

/**
 * The guided start on the home screen: the signed-in person's own steps (三员分立: the administrator's two, then
 * the evaluator's), each read from the data, with a button to the place; once all are done it can be put away.
 */
export function FirstRunChecklist({ who, go }: { who: string; go(module: string): void }) {
  const status = useCall('system.firstRun', {}, { onFocus: true });
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissKey(who)) === '1');
  const s = status.data;
  if (!s || s.items.length === 0 || dismissed) return null;
  const done = s.items.filter((i) => i.done).length;
  const next = s.items.find((i) => !i.done);
  return (
    <Card
      data-testid="first-run"
      data-all-done={s.allDone ? '1' : '0'}
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <span>{s.allDone ? '开始使用：已全部完成' : '开始使用：按顺序完成以下几步'}</span>
          <Progress percent={Math.round((done / s.items.length) * 100)} steps={s.items.length} size="small" />
        </Space>
      }
      extra={
        s.allDone && (
          <Button
            size="small"
            data-testid="first-run-dismiss"
            onClick={() => {
              localStorage.setItem(dismissKey(who), '1');
              setDismissed(true);
            }}
          >
            不再显示
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={s.items}
        renderItem={(item, n) => (
          <List.Item
            data-testid={`first-run-${item.step}`}
            data-done={item.done ? '1' : '0'}
            actions={
              item.done
                ? []
                : [
                    <Button
                      key="go"
                      size="small"
                      type={item === next ? 'primary' : 'default'}
                      data-testid={`first-run-go-${item.step}`}
                      onClick={() => go(where[item.step].module)}
                    >
                      去完成
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              avatar={
                item.done ? (
                  <CheckCircleFilled style={{ color: '#389e0d', fontSize: 18 }} />
                ) : (
                  <Typography.Text strong>{n + 1}</Typography.Text>
                )
              }
              title={<Typography.Text delete={item.done}>{item.label}</Typography.Text>}
              description={item.done ? undefined : where[item.step].hint}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
