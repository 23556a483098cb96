import { App, Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { keyStatusLabels, relationLabels } from '../../../electron/contract/labels';
import { call, errorMessage } from '../../api/client';
import { useAction } from '../../api/use-action';
import type { Loaded } from '../../api/use-call';
import { useAuth } from '../../app/auth-context';
import { formatDateTime } from '../../shared/datetime';
import { UnitSelect } from '../../shared/UnitSelect';
import { DrivePicker } from './DrivePicker';

type Overview = ChannelOutput<'exchange.overview'>;
type Inspected = ChannelOutput<'exchange.registrationInspect'>;
type Node = Overview['nodes'][number];

/** Nodes and trust: this node's fingerprint and registration file; trusting the level above or below by fingerprint. */
export function NodesTab({ overview }: { overview: Loaded<Overview> }) {
  const { message, modal } = App.useApp();
  const { state } = useAuth();
  const [dir, setDir] = useState('');
  const [regFile, setRegFile] = useState('');
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [form] = Form.useForm<{ relation: 'parent' | 'child'; fingerprint: string; unitId?: number }>();
  const relationChosen = Form.useWatch('relation', form);
  const [binding, setBinding] = useState<{ node: Node; unitId: number | null } | null>(null);
  const bind = useAction('exchange.bindUnit', {
    done: (r) =>
      r.unitName
        ? `今后发给它的数据包只含“${r.unitName}”的目标、责任书、通知书和整改事项`
        : '已改为下级考评办：今后发给它的数据包含本机的全部数据（案件内容除外）',
  });
  const exporting = useAction('exchange.registrationExport', {
    done: (r) => `注册文件已写到 ${r.file}。请把它交给对方导入，并与对方核对指纹 ${r.fingerprint}`,
  });
  const accepting = useAction('exchange.registrationAccept', { form, done: (r) => `已信任“${r.name}”` });
  const revoking = useAction('exchange.revoke', { done: '已吊销：用这把密钥签名的数据包今后一律拒收' });
  const replacing = useAction('exchange.replaceKeys', {
    done: (r) =>
      `本机已更换密钥，新指纹 ${r.fingerprint}。新的注册文件已写到 ${r.file}` +
      (r.revocationFile ? `，吊销文件已写到 ${r.revocationFile}` : '') +
      '，请交给上下级导入并核对新指纹',
  });
  const importingRevocation = useAction('exchange.revocationImport', {
    done: (r) =>
      r.revoked
        ? `已吊销“${r.name}”的密钥 ${r.fingerprint}：用它签名的数据包今后一律拒收`
        : `“${r.name}”的这把密钥早已吊销，未做改动`,
  });
  const isRevocation = regFile.trim().toLowerCase().endsWith('.kprev');
  const self = overview.data?.self;
  const isAdmin = state.phase === 'ready' && state.user.role === 'admin';
  const isEvaluator = state.phase === 'ready' && state.user.role === 'evaluator';

  const inspect = async () => {
    try {
      setInspected(await call('exchange.registrationInspect', { file: regFile }));
      form.resetFields();
    } catch (e) {
      setInspected(null);
      message.error(errorMessage(e));
    }
  };
  const accept = async () => {
    const v = await form.validateFields();
    if (await accepting.run({ file: regFile, ...v })) setInspected(null);
  };
  const revoke = (n: Node) =>
    modal.confirm({
      title: `吊销“${n.name}”的密钥？`,
      content: '吊销后，用这把密钥签名的数据包一律拒收；对方需要更换密钥并重新交来注册文件。',
      okText: '吊销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => revoking.run({ nodeId: n.id, confirm: true }),
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="本机">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="名称">{self?.name}</Descriptions.Item>
          <Descriptions.Item label="节点编号">{self?.nodeId}</Descriptions.Item>
          {self?.unit && (
            <Descriptions.Item label="单位模式">
              本机是“{self.unit.name}”的电脑（上级指定）：只向上级报送本单位的进展、回复、自评和办件数据
            </Descriptions.Item>
          )}
          <Descriptions.Item label="密钥指纹">
            <Typography.Text
              strong
              copyable
              style={{ fontFamily: 'monospace', fontSize: 16 }}
              data-testid="self-fingerprint"
            >
              {self?.fingerprint}
            </Typography.Text>
            <span style={{ marginLeft: 12, color: '#888' }}>自 {self ? formatDateTime(self.keySince) : ''} 起使用</span>
          </Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 16 }} wrap>
          <DrivePicker value={dir} onChange={setDir} />
          <Button type="primary" disabled={!dir} loading={exporting.busy} onClick={() => exporting.run({ dir })}>
            导出本机注册文件
          </Button>
          {isAdmin && (
            <Button
              danger
              disabled={!dir}
              onClick={() =>
                modal.confirm({
                  title: '更换本机密钥？',
                  content:
                    '旧密钥随即停用；新的注册文件（带旧密钥的交接签名）写到所选位置，须交给上级和下级重新导入并核对新指纹。',
                  okText: '更换',
                  cancelText: '取消',
                  onOk: () => replacing.run({ dir, confirm: true }),
                })
              }
            >
              更换密钥
            </Button>
          )}
          {isAdmin && (
            <Button
              danger
              disabled={!dir}
              onClick={() =>
                modal.confirm({
                  title: '本机密钥可能已泄露（数据库或备份被复制、电脑曾丢失）？',
                  content:
                    '旧密钥将被吊销：所选位置写出吊销文件（.kprev）和新的注册文件，两者都交给上级和下级导入；新指纹须与对方逐位核对后才被信任。',
                  okText: '吊销并更换',
                  okButtonProps: { danger: true },
                  cancelText: '取消',
                  onOk: () => replacing.run({ dir, compromised: true, confirm: true }),
                })
              }
            >
              密钥可能泄露
            </Button>
          )}
        </Space>
      </Card>
      <Card title="导入上级或下级的注册文件或吊销文件">
        <Space wrap>
          <Input
            style={{ width: 520 }}
            placeholder="注册文件（.kpreg）或吊销文件（.kprev）的路径，例如 E:\\示例县考评办-注册文件-20261202.kpreg"
            value={regFile}
            onChange={(e) => {
              setRegFile(e.target.value);
              setInspected(null);
            }}
          />
          {isRevocation ? (
            <Button
              danger
              loading={importingRevocation.busy}
              onClick={() =>
                modal.confirm({
                  title: '导入吊销文件？',
                  content: '文件中的密钥将被吊销，用它签名的数据包今后一律拒收。',
                  okText: '导入并吊销',
                  okButtonProps: { danger: true },
                  cancelText: '取消',
                  onOk: () => importingRevocation.run({ file: regFile.trim() }),
                })
              }
            >
              导入吊销文件
            </Button>
          ) : (
            <Button disabled={!regFile.trim()} onClick={() => void inspect()}>
              读取
            </Button>
          )}
        </Space>
        {inspected && (
          <div style={{ marginTop: 16 }}>
            <Alert
              type={inspected.sameKeys ? 'info' : 'warning'}
              showIcon
              message={`“${inspected.name}”的指纹：${inspected.fingerprint}`}
              description={
                inspected.sameKeys
                  ? '这把密钥已经信任，无需再次导入。'
                  : `${inspected.replacesKnownKey ? '对方更换了密钥（旧密钥已签名交接）。' : ''}请打电话或对照纸面，与对方办公室逐位核对指纹；一致后在下面填写指纹并确认。`
              }
            />
            {!inspected.sameKeys && (
              <Form
                form={form}
                layout="inline"
                style={{ marginTop: 12 }}
                initialValues={{ relation: inspected.knownAs ?? undefined }}
              >
                <Form.Item
                  name="relation"
                  label="对方是本机的"
                  rules={[{ required: true, message: '请选择上级或下级' }]}
                >
                  <Radio.Group
                    options={(['parent', 'child'] as const).map((r) => ({ value: r, label: relationLabels[r] }))}
                  />
                </Form.Item>
                {isEvaluator && relationChosen === 'child' && (
                  <Form.Item
                    name="unitId"
                    label="对应单位"
                    tooltip="对方是某个部门或乡镇自己的电脑时选择该单位：发给它的数据包只含该单位的数据。对方是下级考评办时不选。"
                  >
                    <UnitSelect
                      allowClear
                      style={{ width: 300 }}
                      placeholder="下级考评办不选；部门或乡镇的电脑选单位"
                    />
                  </Form.Item>
                )}
                <Form.Item
                  name="fingerprint"
                  label="核对过的指纹"
                  rules={[{ required: true, message: '请填写核对过的指纹' }]}
                >
                  <Input style={{ width: 260 }} placeholder="XXXX-XXXX-XXXX-XXXX-XXXX" />
                </Form.Item>
                <Button type="primary" loading={accepting.busy} onClick={() => void accept()}>
                  核对一致，信任
                </Button>
              </Form>
            )}
          </div>
        )}
      </Card>
      <Card title="上级与下级">
        <Table<Node>
          rowKey="id"
          size="small"
          loading={overview.loading}
          dataSource={overview.data?.nodes ?? []}
          pagination={false}
          locale={{ emptyText: '还没有登记上级或下级：请互相导入注册文件' }}
          columns={[
            { title: '关系', dataIndex: 'relation', render: (r: Node['relation']) => relationLabels[r] },
            { title: '名称', dataIndex: 'name' },
            {
              title: '收到的数据',
              dataIndex: 'unit',
              render: (u: Node['unit'], n: Node) =>
                n.relation !== 'child' ? (
                  '—'
                ) : (
                  <Space size={4}>
                    {u ? <Tag color="blue">只含“{u.name}”</Tag> : <span>下级考评办（全部）</span>}
                    {isEvaluator && (
                      <Button size="small" type="link" onClick={() => setBinding({ node: n, unitId: u?.id ?? null })}>
                        更改
                      </Button>
                    )}
                  </Space>
                ),
            },
            { title: '指纹', dataIndex: 'fingerprint', render: (f: string | null) => <code>{f ?? '—'}</code> },
            {
              title: '密钥',
              dataIndex: 'keyStatus',
              render: (s: Node['keyStatus']) => <Tag color={keyStatusLabels[s]!.color}>{keyStatusLabels[s]!.text}</Tag>,
            },
            {
              title: '最近收到',
              dataIndex: 'lastReceived',
              render: (x: Node['lastReceived']) =>
                x ? `第 ${x.seq} 号，${formatDateTime(x.at)}` : <Tag color="orange">从未收到</Tag>,
            },
            {
              title: '最近发出',
              dataIndex: 'lastSent',
              render: (x: Node['lastSent']) => (x ? `第 ${x.seq} 号，${formatDateTime(x.at)}` : '—'),
            },
            { title: '待回执', dataIndex: 'awaitingReceipt' },
            {
              title: '',
              render: (_: unknown, n: Node) =>
                isAdmin && n.keyStatus === 'trusted' ? (
                  <Button size="small" danger onClick={() => revoke(n)}>
                    吊销密钥
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={!!binding}
        title={binding ? `“${binding.node.name}”是哪个单位的电脑？` : ''}
        okText="保存"
        cancelText="取消"
        confirmLoading={bind.busy}
        onCancel={() => setBinding(null)}
        onOk={async () => {
          if (!binding) return;
          if (await bind.run({ nodeId: binding.node.id, unitId: binding.unitId })) setBinding(null);
        }}
      >
        <Typography.Paragraph type="secondary">
          选择单位后，发给它的数据包只含该单位的目标、责任书、通知书、整改事项及其引用的记录（方案、指标、单位名录、工作日历等）；
          不选则视为下级考评办，收到本机的全部数据（案件内容、投诉人和处分除外）。已经发出的数据不会收回。
        </Typography.Paragraph>
        <UnitSelect
          allowClear
          style={{ width: '100%' }}
          value={binding?.unitId ?? undefined}
          onChange={(v) => binding && setBinding({ ...binding, unitId: typeof v === 'number' ? v : null })}
          placeholder="下级考评办不选"
        />
      </Modal>
    </Space>
  );
}
