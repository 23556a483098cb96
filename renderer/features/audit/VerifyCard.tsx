import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { useAction } from '../../api/use-action';
import { formatDateTimeSeconds } from '../../shared/datetime';

type Verify = ChannelOutput<'audit.verify'>;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const when = (ms: number) => formatDateTimeSeconds(ms);

/**
 * The chain checked entry by entry and its end against every anchor the installation knows (the anchor files, the
 * backups), a checkpoint to print and file, and a checkpoint filed earlier typed back in.
 */
export function VerifyCard() {
  const { message } = App.useApp();
  const [verify, setVerify] = useState<Verify | null>(null);
  const [busy, setBusy] = useState(false);
  const [paper] = Form.useForm<{ seq: number; hash: string }>();
  const printing = useAction('audit.checkpoint', { done: (r) => `已生成检查点（序号 ${r.seq}），请打印后签字存档` });

  const runVerify = async (checkpoints: { seq: number; hash: string }[] = []) => {
    setBusy(true);
    try {
      setVerify(await call('audit.verify', { checkpoints }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    const r = await printing.run({});
    if (r) downloadBase64(r.fileName, r.base64, DOCX_MIME);
  };

  return (
    <Card
      title="完整性校验"
      extra={
        <Space>
          <Button loading={printing.busy} onClick={print}>
            打印检查点
          </Button>
          <Button type="primary" loading={busy} onClick={() => runVerify()}>
            校验审计日志
          </Button>
        </Space>
      }
    >
      {!verify && (
        <Alert
          type="info"
          showIcon
          message="每条审计记录都含有前一条的校验值；最后一条的序号和校验值另存在数据库之外（数据文件夹、用户目录、每份备份）。校验会逐条检查，并与这些锚点核对：记录被修改、调换，或最新的记录被删除，都会被发现。"
        />
      )}
      {verify?.ok && (
        <Alert
          type="success"
          showIcon
          message={`审计日志完好：共 ${verify.count} 条，链条完整，与 ${verify.anchorsChecked} 个锚点一致。`}
          description={
            verify.head ? `最新一条序号 ${verify.head.seq}，校验值 ${verify.head.hash.slice(0, 16)}…` : undefined
          }
        />
      )}
      {verify && !verify.ok && (
        <Alert
          type="error"
          showIcon
          message={verify.broken ? '审计日志被改动' : '审计日志曾被删除或改写'}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {verify.broken && <li>{verify.broken.message}</li>}
              {verify.losses.map((l, i) => (
                <li key={i}>
                  {l.message}
                  {l.recordedAt ? `（${when(l.recordedAt)} 发现，已记入审计日志）` : '（本次校验发现）'}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
        核对纸质检查点：填写存档的检查点上的序号和校验值（至少前 16 位，空格可保留）。
      </Typography.Paragraph>
      <Form
        form={paper}
        layout="inline"
        onFinish={(v) => runVerify([{ seq: v.seq, hash: v.hash }])}
        aria-label="核对纸质检查点"
      >
        <Form.Item name="seq" label="序号" rules={[{ required: true, message: '请填写序号' }]}>
          <InputNumber min={1} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="hash"
          label="校验值"
          rules={[
            { required: true, message: '请填写校验值' },
            {
              validator: (_, v: string | undefined) =>
                !v || /^[0-9a-fA-F]{16,64}$/.test(v.replace(/\s+/g, ''))
                  ? Promise.resolve()
                  : Promise.reject(new Error('校验值应为至少 16 位的十六进制数字（0-9、a-f）')),
            },
          ]}
        >
          <Input style={{ width: 360 }} placeholder="如 a3f2 9c1e 5b7d 2a48" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy}>
            核对
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
