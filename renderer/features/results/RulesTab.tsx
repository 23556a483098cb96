import { Alert, Button, Card, Form, Input, InputNumber, Space, Spin, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../electron/contract';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { formatDateTime } from '../../shared/datetime';
import { GradingEditor, type GradingForm, gradingOf, gradingToForm } from './GradingEditor';
import { RankOrderEditor } from './RankOrderEditor';

type RulesView = ChannelOutput<'results.rules'>;
type RulesInput = ChannelInput<'results.saveRules'>['rules'];
type RankKey = RulesInput['order'][number];

interface Values {
  bonusCapped: boolean;
  bonusCap: number | null;
  deductionCapped: boolean;
  deductionCap: number | null;
  grading: GradingForm;
  reason: string;
}

const toForm = (r: RulesView['rules']): Values => ({
  bonusCapped: r.bonusCap !== null,
  bonusCap: r.bonusCap,
  deductionCapped: r.deductionCap !== null,
  deductionCap: r.deductionCap,
  grading: gradingToForm(r.grading),
  reason: '',
});

/** 计分规则: caps, the ranking order, grades by thresholds or quotas per category; each save a new version. */
export function RulesTab({ planId }: { planId: number }) {
  const v = useCall('results.rules', { planId });
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const [order, setOrder] = useState<RankKey[]>([]);
  const saving = useAction('results.saveRules', { form, done: (r) => `已保存为${r.version}` });
  const data = v.data;
  useEffect(() => {
    if (!data) return;
    form.setFieldsValue(toForm(data.rules));
    setOrder(data.rules.order);
  }, [data, form]);
  if (v.loading && !data) return <Spin />;
  if (v.error) return <Alert type="error" showIcon message={v.error} />;
  // a leader reads the rules; only an evaluator, and only before the results are out, changes them
  const view = { ...data!, editable: data!.editable && can('results.saveRules') };
  const save = async () => {
    await form.validateFields();
    // every value, also those shown without a field of their own (a grade's name, a category's id)
    const x = form.getFieldsValue(true) as Values;
    const rules: RulesInput = {
      bonusCap: x.bonusCapped ? (x.bonusCap ?? 0) : null,
      deductionCap: x.deductionCapped ? (x.deductionCap ?? 0) : null,
      order,
      grading: gradingOf(x.grading),
    };
    const r = await saving.run({ planId, rules, reason: x.reason });
    if (r) form.setFieldValue('reason', '');
  };
  const capField = (name: 'bonus' | 'deduction', label: string) => (
    <Space align="baseline">
      <Form.Item name={`${name}Capped`} valuePropName="checked" noStyle>
        <Switch checkedChildren="封顶" unCheckedChildren="不封顶" disabled={!view.editable} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {() =>
          form.getFieldValue(`${name}Capped`) && (
            <Form.Item name={`${name}Cap`} noStyle rules={[{ required: true, message: `请填写${label}` }]}>
              <InputNumber min={0} max={1000} precision={2} addonAfter="分" disabled={!view.editable} />
            </Form.Item>
          )
        }
      </Form.Item>
    </Space>
  );
  return (
    <div style={{ maxWidth: 960 }}>
      {view.lockReason && <Alert type="info" showIcon message={view.lockReason} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary" data-testid="rules-version">
        当前：{view.rules.version}
        {view.saved
          ? `（${view.saved.savedBy} 于 ${formatDateTime(view.saved.savedAt)} 保存：${view.saved.reason}）`
          : '（尚未保存过本方案的规则）'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!view.editable}>
        <Card size="small" title="加分、扣分封顶" style={{ marginBottom: 12 }}>
          <Space size="large" wrap>
            <Form.Item label="加分项目合计最多加">{capField('bonus', '加分封顶')}</Form.Item>
            <Form.Item label="扣分项目合计最多扣">{capField('deduction', '扣分封顶')}</Form.Item>
          </Space>
          <Typography.Text type="secondary">总分 = 基础得分 + 加分 − 扣分，不低于 0 分。</Typography.Text>
        </Card>
        <Card size="small" title="同一类别内的排名顺序（并列规则）" style={{ marginBottom: 12 }}>
          <RankOrderEditor keys={view.rankKeys} value={order} onChange={setOrder} disabled={!view.editable} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            已保存的规则：{view.orderWords}
          </Typography.Paragraph>
        </Card>
        <Card size="small" title="等次" style={{ marginBottom: 12 }}>
          <GradingEditor form={form} categories={view.categories} />
        </Card>
        {view.editable && (
          <Space align="start">
            <Form.Item
              name="reason"
              label="修改原因"
              rules={[{ required: true, min: 2, message: '请填写修改原因（至少 2 个字）' }]}
            >
              <Input style={{ width: 420 }} maxLength={200} placeholder="如：经考评委员会第2次会议决定" />
            </Form.Item>
            <Form.Item label=" ">
              <Button type="primary" loading={saving.busy} onClick={() => void save()} data-testid="rules-save">
                保存为新版本
              </Button>
            </Form.Item>
          </Space>
        )}
      </Form>
      <Card size="small" title="历次版本">
        <Table
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={view.history}
          locale={{ emptyText: '尚未保存过，按默认规则计算' }}
          columns={[
            { title: '版本', dataIndex: 'version', width: 130 },
            { title: '保存时间', dataIndex: 'savedAt', width: 150, render: (x: number) => formatDateTime(x) },
            { title: '保存人', dataIndex: 'savedBy', width: 100 },
            { title: '修改原因', dataIndex: 'reason' },
            { title: '排名顺序', dataIndex: 'orderWords' },
          ]}
        />
      </Card>
    </div>
  );
}
