import { MinusCircleOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { costBases, costBasisLabels, costMeasureLabels, costMeasures } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';

type CostView = ChannelOutput<'cost.list'>;
type Row = CostView['rows'][number];
type Method = CostView['method'];

const money = (x: number | null) => (x === null ? '—' : x);

/** 行政成本: the year's figures per unit, the share each earns, and the office's method in words. */
export function CostTab({ year }: { year: number }) {
  const can = useCan();
  const list = useCall('cost.list', { year });
  const [editing, setEditing] = useState(false);
  return (
    <div>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      {list.data && (
        <Space align="start" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" data-testid="cost-method">
            计分办法：{list.data.methodText}。金额单位：万元。
          </Typography.Text>
          {can('cost.setMethod') && (
            <Button size="small" icon={<SettingOutlined />} onClick={() => setEditing(true)}>
              修改计分办法
            </Button>
          )}
        </Space>
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: `还没有 ${year} 年度的行政成本数据，请导入。` }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 200 },
          { title: '公用经费', dataIndex: 'publicFunds', width: 100, align: 'right' },
          { title: '三公经费', dataIndex: 'threePublic', width: 100, align: 'right' },
          { title: '人数', dataIndex: 'staff', width: 70, align: 'right' },
          { title: '人均', dataIndex: 'perStaff', width: 80, align: 'right' },
          { title: '公用经费预算', dataIndex: 'budgetPublic', width: 120, align: 'right', render: money },
          { title: '上年三公经费', dataIndex: 'priorThree', width: 120, align: 'right', render: money },
          {
            title: '得分比例',
            dataIndex: 'share',
            width: 100,
            align: 'right',
            render: (s: number | null) =>
              s === null ? (
                <Tag>不计分</Tag>
              ) : (
                <Tag color={s >= 1 ? 'green' : s >= 0.6 ? 'gold' : 'red'}>{Math.round(s * 10000) / 100}%</Tag>
              ),
          },
          { title: '说明', dataIndex: 'explain' },
        ]}
      />
      {editing && list.data && <MethodForm method={list.data.method} onClose={() => setEditing(false)} />}
    </div>
  );
}

/** The method as rows the office edits: what is measured against what, with a weight; the steps from low to high. */
function MethodForm({ method, onClose }: { method: Method; onClose(): void }) {
  const [form] = Form.useForm<Method>();
  const save = useAction('cost.setMethod', { form, done: '计分办法已保存' });
  const submit = async () => {
    const m = await form.validateFields();
    if (await save.run({ method: m })) onClose();
  };
  return (
    <FormModal title="行政成本计分办法" width={640} busy={save.busy} onOk={submit} onClose={onClose}>
      <Form form={form} initialValues={method} layout="vertical">
        <Typography.Text strong>考核内容（权重之和为 1）</Typography.Text>
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'measure']} rules={[{ required: true, message: '请选择' }]}>
                    <Select
                      style={{ width: 150 }}
                      options={costMeasures.map((m) => ({ value: m, label: costMeasureLabels[m] }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'basis']} rules={[{ required: true, message: '请选择' }]}>
                    <Select
                      style={{ width: 120 }}
                      options={costBases.map((b) => ({ value: b, label: costBasisLabels[b] }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '请填写权重' }]}>
                    <InputNumber min={0.01} max={1} step={0.1} addonBefore="权重" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ measure: 'public', basis: 'budget', weight: 0.5 })}
              >
                增加一项
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 8 }}>
          分档（为预算或上年数的百分之几，不超过上限得相应比例，超过最高一档不得分）
        </Typography.Paragraph>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'max']} rules={[{ required: true, message: '请填写上限' }]}>
                    <InputNumber min={1} max={1000} addonBefore="不超过" addonAfter="%" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'share']} rules={[{ required: true, message: '请填写比例' }]}>
                    <InputNumber min={0} max={1} step={0.1} addonBefore="得分比例" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ max: 120, share: 0.4 })}>
                增加一档
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
