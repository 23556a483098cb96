import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Radio, Space, Spin, Table, Typography } from 'antd';
import { useEffect } from 'react';
import type { ChannelInput } from '../../../electron/contract';
import { rewardMethodLabels, rewardMethods } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { formatDateTime } from '../../shared/datetime';

type Method = ChannelInput<'rewards.saveRules'>['method'];

interface Values {
  by: Method['by'];
  base: number;
  coefficients: { grade: string; coefficient: number }[];
  fullScore: number;
  steps: { min: number; amount: number }[];
  reason: string;
}

const required = (what: string) => [{ required: true, message: `请填写${what}` }];

/** The reward method: one of three declared ways with their parameters (no formulas typed in). */
export function RewardRulesForm({ planId, onDone }: { planId: number; onDone(): void }) {
  const v = useCall('rewards.rules', { planId });
  const [form] = Form.useForm<Values>();
  const saving = useAction('rewards.saveRules', { form, done: (r) => `已保存为${r.version}` });
  const by = Form.useWatch('by', form);
  const data = v.data;
  useEffect(() => {
    if (!data) return;
    const m = data.method;
    // every grade the scoring rules give gets a row, kept where a coefficient was set
    const coefficients = data.grades.map((grade) => ({
      grade,
      coefficient: (m?.by === 'grade' ? m.coefficients.find((c) => c.grade === grade)?.coefficient : undefined) ?? 0,
    }));
    form.setFieldsValue({
      by: m?.by ?? 'grade',
      base: m && m.by !== 'table' ? m.base : 10000,
      coefficients,
      fullScore: m?.by === 'score' ? m.fullScore : 100,
      steps: m?.by === 'table' ? m.steps : [{ min: 90, amount: 20000 }],
      reason: '',
    });
  }, [data, form]);
  if (v.loading && !data) return <Spin />;
  if (v.error) return <Alert type="error" showIcon message={v.error} />;
  const view = data!;
  const save = async () => {
    await form.validateFields();
    // every value, also those shown without a field of their own (a grade's name, a category's id)
    const x = form.getFieldsValue(true) as Values;
    const method: Method =
      x.by === 'grade'
        ? { by: 'grade', base: x.base, coefficients: x.coefficients }
        : x.by === 'score'
          ? { by: 'score', base: x.base, fullScore: x.fullScore }
          : { by: 'table', steps: x.steps };
    if (await saving.run({ planId, method, reason: x.reason })) onDone();
  };
  return (
    <div data-testid="reward-rules">
      {view.lockReason && <Alert type="info" showIcon message={view.lockReason} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" disabled={!view.editable}>
        <Form.Item name="by" label="核算方式">
          <Radio.Group options={rewardMethods.map((m) => ({ value: m, label: rewardMethodLabels[m] }))} />
        </Form.Item>
        {by !== 'table' && (
          <Form.Item name="base" label="奖励基数" rules={required('奖励基数')}>
            <InputNumber min={0} max={100_000_000} precision={2} addonAfter="元" style={{ width: 220 }} />
          </Form.Item>
        )}
        {by === 'grade' && (
          <Form.List name="coefficients">
            {(fields) => (
              <Table
                size="small"
                pagination={false}
                style={{ maxWidth: 420, marginBottom: 12 }}
                dataSource={fields}
                rowKey="key"
                columns={[
                  {
                    title: '等次（按计分规则）',
                    render: (_, f) => (
                      <Typography.Text>{form.getFieldValue(['coefficients', f.name, 'grade'])}</Typography.Text>
                    ),
                  },
                  {
                    title: '系数',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'coefficient']} noStyle rules={required('系数')}>
                        <InputNumber min={0} max={100} step={0.1} precision={2} />
                      </Form.Item>
                    ),
                  },
                ]}
              />
            )}
          </Form.List>
        )}
        {by === 'score' && (
          <Form.Item name="fullScore" label="满分" rules={required('满分')}>
            <InputNumber min={1} max={1000} addonAfter="分" style={{ width: 160 }} />
          </Form.Item>
        )}
        {by === 'table' && (
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <div style={{ marginBottom: 12 }}>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Typography.Text>总分达到</Typography.Text>
                    <Form.Item name={[f.name, 'min']} rules={required('分数')}>
                      <InputNumber min={0} max={1000} precision={2} addonAfter="分" />
                    </Form.Item>
                    <Typography.Text>奖励</Typography.Text>
                    <Form.Item name={[f.name, 'amount']} rules={required('金额')}>
                      <InputNumber min={0} max={100_000_000} precision={2} addonAfter="元" />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除分数段" />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ min: 0, amount: 0 })}>
                  添加分数段
                </Button>
                <Typography.Paragraph type="secondary">分数段从高到低；低于最后一段不予奖励。</Typography.Paragraph>
              </div>
            )}
          </Form.List>
        )}
        <Space align="start">
          <Form.Item
            name="reason"
            label="修改原因"
            rules={[{ required: true, min: 2, message: '请填写修改原因（至少 2 个字）' }]}
          >
            <Input style={{ width: 360 }} maxLength={200} />
          </Form.Item>
          <Form.Item label=" ">
            <Space>
              <Button type="primary" loading={saving.busy} onClick={() => void save()} data-testid="rewards-save">
                保存为新版本
              </Button>
              <Button onClick={onDone} disabled={false}>
                取消
              </Button>
            </Space>
          </Form.Item>
        </Space>
      </Form>
      {view.history.length > 0 && (
        <Table
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={view.history}
          columns={[
            { title: '版本', dataIndex: 'version', width: 130 },
            { title: '保存时间', dataIndex: 'savedAt', width: 150, render: (x: number) => formatDateTime(x) },
            { title: '保存人', dataIndex: 'savedBy', width: 100 },
            { title: '修改原因', dataIndex: 'reason' },
            { title: '办法', dataIndex: 'words' },
          ]}
        />
      )}
    </div>
  );
}
