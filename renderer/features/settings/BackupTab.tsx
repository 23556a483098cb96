import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { backupKindLabels } from '../../../electron/contract/labels';
import { call, errorMessage } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useAuth } from '../../app/auth-context';
import { formatDateTime } from '../../shared/datetime';

type Summary = ChannelOutput<'backup.inspect'>;
type Listed = ChannelOutput<'backup.list'>['backups'][number];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const when = (t: number) => formatDateTime(t);

const tableNames: Record<string, string> = {
  units: '单位',
  people: '人员',
  person_posts: '任职记录',
  categories: '考核类别',
  users: '账号',
  calendar_days: '节假日与调休',
  audit_log: '审计日志',
  settings: '设置项',
  backups: '备份记录',
  nodes: '节点',
};

function Contents({ s }: { s: Summary }) {
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="备份时间">{when(s.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="单位">{s.unitName || '（未设置）'}</Descriptions.Item>
      <Descriptions.Item label="类型">
        {backupKindLabels[s.kind]}，由 {s.createdBy} 生成
      </Descriptions.Item>
      <Descriptions.Item label="程序版本 / 数据结构版本">
        {s.appVersion} / {s.schemaVersion}
      </Descriptions.Item>
      <Descriptions.Item label="内容">
        {Object.entries(s.counts)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `${tableNames[t] ?? t} ${n} 条`)
          .join('，')}
        ；公文文件 {s.documents} 份；附件 {s.attachments} 个
        {s.missingDocuments > 0 && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            备份时有 {s.missingDocuments} 份公文的文件缺失或被改动，未能备份
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="校验">
        {s.sameInstallation ? <Tag color="green">完整，来自本机</Tag> : <Tag color="red">来自另一台安装，不能恢复</Tag>}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** Backups: make one now, see the ones kept, check any file, and restore after seeing what it holds. */
export function BackupTab() {
  const { message } = App.useApp();
  const auth = useAuth();
  const list = useCall('backup.list', {});
  const [pathForm] = Form.useForm<{ path: string }>();
  const [checked, setChecked] = useState<Summary | null>(null);
  const making = useAction('backup.create', {
    done: (b) =>
      `已备份并校验：${b.fileName}（${mb(b.sizeBytes)}，公文文件 ${b.documents} 份）` +
      (b.missingDocuments > 0 ? `；注意：有 ${b.missingDocuments} 份公文的文件缺失或被改动，未能备份` : ''),
  });
  const restoring = useAction('backup.restore');

  const inspect = async (file: string) => {
    try {
      setChecked(await call('backup.inspect', { file }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const restore = async () => {
    const r = checked && (await restoring.run({ file: checked.file, confirm: true }));
    if (!r) return;
    setChecked(null);
    Modal.success({
      title: '已从备份恢复',
      content: `恢复前的数据已另存为：${r.safetyBackup}。审计日志：${r.auditSummary}。请重新登录。`,
      okText: '重新登录',
      onOk: () => void auth.refresh('数据已从备份恢复，请重新登录。'),
    });
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="备份"
        extra={
          <Button type="primary" loading={making.busy} onClick={() => making.run({})}>
            立即备份
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          备份保存在 {list.data?.dir ?? '数据目录下的 backups 文件夹'}。每份备份生成后都会读回校验；请定期把备份复制到 U
          盘或其他电脑保存。
        </Typography.Paragraph>
        <Table<Listed>
          rowKey="file"
          size="small"
          loading={list.loading}
          dataSource={list.data?.backups ?? []}
          pagination={{ pageSize: 8 }}
          locale={{ emptyText: '还没有备份' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: when },
            { title: '类型', dataIndex: 'kind', render: (k: Listed['kind']) => backupKindLabels[k] },
            { title: '文件', dataIndex: 'fileName' },
            { title: '大小', dataIndex: 'sizeBytes', render: mb },
            {
              title: '',
              key: 'x',
              render: (_, b) => (
                <Button size="small" onClick={() => inspect(b.file)}>
                  检查并恢复…
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title="从其他位置恢复">
        <Form form={pathForm} onFinish={({ path }) => inspect(path.trim())}>
          <Form.Item
            name="path"
            rules={[{ required: true, whitespace: true, message: '请填写备份文件的完整路径' }]}
            style={{ marginBottom: 0 }}
          >
            <Input.Search
              placeholder="备份文件的完整路径，例如 E:\考评备份\考评备份-20261120-170000.kpbak"
              enterButton="检查备份"
              onSearch={() => pathForm.submit()}
            />
          </Form.Item>
        </Form>
      </Card>
      <Modal
        open={!!checked}
        width={640}
        title="检查备份"
        okText="用此备份恢复"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: !checked?.sameInstallation, loading: restoring.busy }}
        onOk={restore}
        onCancel={() => setChecked(null)}
      >
        {checked && <Contents s={checked} />}
        <Typography.Paragraph type="warning" style={{ marginTop: 16 }}>
          恢复会用这份备份替换本机当前的全部数据。恢复前，当前数据会自动另存为一份备份；恢复后所有用户需要重新登录。
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
