import { Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Button, Typography } from 'antd';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { UnitSelect } from '../../shared/UnitSelect';
import type { PlanDetail } from './IndicatorsTab';
import type { Target } from './TargetsTab';

const quarters = ['一季度', '二季度', '三季度', '四季度'];

/** One target: what, how much, by when each quarter, who leads it. */
export function TargetForm({
  detail,
  target,
  defaultUnitId,
  onClose,
  onSaved,
}: {
  detail: PlanDetail;
  target?: Target;
  defaultUnitId?: number;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm();
  const save = useAction('targets.save', { form, done: '目标已保存' });
  const unitId = (Form.useWatch('unitId', form) as number | undefined) ?? target?.unitId ?? defaultUnitId;
  const people = useCall('people.list', { unitId: unitId ?? 0, includeSubunits: false, limit: 500 });
  const items = detail.indicators.filter((i) => !i.isGroup);

  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown> & {
      milestones: { text?: string; percent?: number | null }[];
    };
    const saved = await save.run({
      ...(target ? { id: target.id } : {}),
      planId: detail.plan.id,
      indicatorId: v.indicatorId as number,
      unitId: v.unitId as number,
      content: v.content as string,
      targetValue: (v.targetValue as string) || null,
      measureUnit: (v.measureUnit as string) || null,
      points: v.points as number,
      milestones: v.milestones.map((m) => ({ text: m.text ?? '', percent: m.percent ?? null })),
      leaderId: (v.leaderId as number) ?? null,
      leadUnitId: (v.leadUnitId as number) ?? null,
      partnerUnitIds: (v.partnerUnitIds as number[]) ?? [],
      isKey: !!v.isKey,
      isMajor: !!v.isMajor,
    });
    if (saved) onSaved();
  };

  return (
    <Drawer
      open
      width={640}
      title={target ? '编辑目标任务' : '新增目标任务'}
      onClose={onClose}
      maskClosable={false}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.busy} onClick={submit}>
            保存
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          unitId: target?.unitId ?? defaultUnitId,
          indicatorId: target?.indicatorId,
          content: target?.content,
          targetValue: target?.targetValue,
          measureUnit: target?.measureUnit,
          points: target?.points,
          milestones: target?.milestones ?? quarters.map(() => ({ text: '', percent: null })),
          leaderId: target?.leaderId ?? undefined,
          leadUnitId: target?.leadUnitId ?? undefined,
          partnerUnitIds: target?.partnerUnitIds ?? [],
          isKey: target?.isKey ?? false,
          isMajor: target?.isMajor ?? false,
        }}
        onValuesChange={(c: Record<string, unknown>) => {
          if ('unitId' in c) form.setFieldsValue({ leaderId: undefined });
          if ('indicatorId' in c && !form.getFieldValue('points'))
            form.setFieldsValue({ points: items.find((i) => i.id === c.indicatorId)?.points });
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="unitId" label="责任单位" rules={[{ required: true, message: '请选择单位' }]}>
              <UnitSelect withCode />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="indicatorId" label="考核指标" rules={[{ required: true, message: '请选择指标' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={items.map((i) => ({ value: i.id, label: i.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="content"
          label="目标任务"
          rules={[
            { required: true, message: '请填写目标任务' },
            { max: 2000, message: '不能超过 2000 个字' },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={2000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="targetValue" label="目标值" rules={[{ max: 60, message: '不能超过 60 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="measureUnit" label="计量单位" rules={[{ max: 20, message: '不能超过 20 个字' }]}>
              <Input placeholder="如：亿元、个、%" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="points" label="分值" rules={[{ required: true, message: '请填写分值' }]}>
              <InputNumber min={0} max={1000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>季度节点</Typography.Text>
        {quarters.map((q, i) => (
          <Row gutter={8} key={q} align="middle">
            <Col span={4} style={{ paddingBottom: 24 }}>
              {q}
            </Col>
            <Col span={6}>
              <Form.Item
                name={['milestones', i, 'percent']}
                rules={[{ type: 'number', min: 0, max: 100, message: '0—100' }]}
              >
                <InputNumber min={0} max={100} addonAfter="%" placeholder="完成率" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name={['milestones', i, 'text']} rules={[{ max: 200, message: '不能超过 200 个字' }]}>
                <Input placeholder="节点要求（可不填）" />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="leaderId" label="责任领导" extra={unitId ? undefined : '先选责任单位'}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                disabled={!unitId}
                options={(people.data?.rows ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.name}${p.post ? `（${p.post}）` : ''}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leadUnitId" label="牵头单位（不填即责任单位）">
              <UnitSelect allowClear />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="partnerUnitIds" label="配合单位">
          <UnitSelect mode="multiple" />
        </Form.Item>
        <Space size="large">
          <Form.Item name="isKey" label="重点工作" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="isMajor" label="重大项目" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
