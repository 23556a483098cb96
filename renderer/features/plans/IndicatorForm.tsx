import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ChannelInput, ChannelOutput } from '../../../electron/contract';
import {
  type AutoSource,
  type IndicatorKind,
  type ScoringMethod,
  autoSourceLabels,
  autoSources,
  indicatorKindLabels,
  indicatorKinds,
  scoringMethodLabelFor,
  sourceFitsIndicator,
} from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { FormModal } from '../../shared/FormModal';

type Indicator = ChannelOutput<'plans.get'>['indicators'][number];
type Params = NonNullable<ChannelInput<'indicators.save'>['params']>;

const methodsFor: Record<IndicatorKind, ScoringMethod[]> = {
  common: ['linear', 'threshold', 'grade', 'per_occurrence', 'judgement'],
  specific: ['linear', 'threshold', 'grade', 'per_occurrence', 'judgement'],
  bonus: ['per_occurrence', 'grade', 'judgement'],
  deduction: ['per_occurrence', 'judgement'],
  veto: ['veto'],
};

/** "100:1, 90:0.8, 80:0.6" ⇄ threshold steps. */
const stepsText = (p?: Params) =>
  p?.method === 'threshold' ? p.steps.map((s) => `${s.min}:${s.share}`).join(', ') : '100:1, 90:0.8, 80:0.6';
const parseSteps = (t: string) =>
  t
    .split(/[,，;；]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const [min, share] = x.split(/[:：]/).map(Number);
      return { min: min ?? NaN, share: share ?? NaN };
    });

interface Values {
  kind: IndicatorKind;
  parentId?: number;
  name: string;
  points?: number;
  method?: ScoringMethod;
  full?: number;
  floor?: number;
  steps?: string;
  A?: number;
  B?: number;
  C?: number;
  D?: number;
  each?: number;
  cap?: number;
  standard?: string;
  scoringBody?: string;
  /** '' : entered by the scoring body. */
  autoSource?: AutoSource | '';
  categoryIds?: number[];
  evidence?: string;
}

function paramsOf(v: Values): Params {
  switch (v.method ?? 'judgement') {
    case 'linear':
      return { method: 'linear', full: v.full ?? 100, floor: v.floor ?? 0 };
    case 'threshold':
      return { method: 'threshold', steps: parseSteps(v.steps ?? '') };
    case 'grade':
      return { method: 'grade', shares: { A: v.A ?? 1, B: v.B ?? 0.85, C: v.C ?? 0.7, D: v.D ?? 0.5 } };
    case 'per_occurrence':
      return { method: 'per_occurrence', each: v.each ?? 1, cap: v.cap ?? 0 };
    case 'veto':
      return { method: 'veto' };
    default:
      return { method: 'judgement' };
  }
}

/** A group (name and kind) or an item with its points, scoring method and its parameters. */
export function IndicatorForm({
  planId,
  groups,
  categories,
  editing,
  onClose,
  onSaved,
}: {
  planId: number;
  groups: Indicator[];
  categories: { id: number; name: string }[];
  editing: { indicator?: Indicator; isGroup: boolean; parentId?: number };
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useAction('indicators.save', { form, done: '已保存' });
  const i = editing.indicator;
  const p = i?.params;
  const parent = groups.find((g) => g.id === (i?.parentId ?? editing.parentId));
  const kind = Form.useWatch('kind', form) ?? i?.kind ?? parent?.kind ?? 'common';
  const method = Form.useWatch('method', form) ?? p?.method;

  const submit = async () => {
    const v = await form.validateFields();
    const item = {
      parentId: v.parentId ?? null,
      points: v.kind === 'veto' ? 0 : (v.points ?? 0),
      params: paramsOf(v),
      standard: v.standard ?? '',
      scoringBody: v.scoringBody ?? '',
      autoSource: v.autoSource || null,
      categoryIds: v.categoryIds ?? [],
      evidence: v.evidence ?? '',
    };
    const saved = await save.run({
      ...(i ? { id: i.id } : {}),
      planId,
      isGroup: editing.isGroup,
      kind: v.kind,
      name: v.name,
      ...(editing.isGroup ? {} : item),
    });
    if (saved) onSaved();
  };

  return (
    <FormModal
      width={680}
      title={`${i ? '编辑' : '新增'}${editing.isGroup ? '分组' : '指标'}`}
      busy={save.busy}
      onOk={submit}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: i?.kind ?? parent?.kind ?? 'common',
          parentId: i?.parentId ?? editing.parentId,
          name: i?.name,
          points: i?.points,
          method: p?.method ?? (kind === 'veto' ? 'veto' : 'linear'),
          full: p?.method === 'linear' ? p.full : 100,
          floor: p?.method === 'linear' ? p.floor : 0,
          steps: stepsText(p),
          ...(p?.method === 'grade' ? p.shares : { A: 1, B: 0.85, C: 0.7, D: 0.5 }),
          each: p?.method === 'per_occurrence' ? p.each : 1,
          cap: p?.method === 'per_occurrence' ? p.cap : 0,
          standard: i?.standard,
          scoringBody: i?.scoringBody,
          autoSource: i?.autoSource ?? '',
          categoryIds: i?.categoryIds ?? [],
          evidence: i?.evidence,
        }}
        onValuesChange={(c: Partial<Values>) => {
          if (c.parentId) form.setFieldsValue({ kind: groups.find((g) => g.id === c.parentId)?.kind });
          if (c.kind || c.parentId) {
            const k = form.getFieldValue('kind') as IndicatorKind;
            if (!methodsFor[k].includes(form.getFieldValue('method') as ScoringMethod))
              form.setFieldsValue({ method: methodsFor[k][0] });
          }
          const src = form.getFieldValue('autoSource') as AutoSource | '';
          const k = form.getFieldValue('kind') as IndicatorKind;
          const m = form.getFieldValue('method') as ScoringMethod;
          // a source that no longer fits the kind or method would be refused on save: fall back to the body
          if (src && !sourceFitsIndicator(src, k, m)) form.setFieldsValue({ autoSource: '' });
        }}
      >
        <Row gutter={12}>
          {!editing.isGroup && (
            <Col span={12}>
              <Form.Item name="parentId" label="所属分组" rules={[{ required: true, message: '请选择分组' }]}>
                <Select
                  options={groups.map((g) => ({ value: g.id, label: `${g.name}（${indicatorKindLabels[g.kind]}）` }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col span={editing.isGroup ? 12 : 6}>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
              <Select
                disabled={!editing.isGroup}
                options={indicatorKinds.map((k) => ({ value: k, label: indicatorKindLabels[k] }))}
              />
            </Form.Item>
          </Col>
          {!editing.isGroup && kind !== 'veto' && (
            <Col span={6}>
              <Form.Item name="points" label="分值" rules={[{ required: true, message: '请填写分值' }]}>
                <InputNumber min={0.01} max={1000} step={0.5} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, message: '请填写名称' },
            { max: 60, message: '不能超过 60 个字' },
          ]}
        >
          <Input />
        </Form.Item>
        {!editing.isGroup && (
          <>
            <Form.Item name="method" label="计分方法">
              <Select options={methodsFor[kind].map((m) => ({ value: m, label: scoringMethodLabelFor(kind, m) }))} />
            </Form.Item>
            {method === 'linear' && (
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="full" label="完成率达到多少得满分（%）">
                    <InputNumber min={1} max={1000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="floor" label="低于多少不得分（%）">
                    <InputNumber min={0} max={999} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            )}
            {method === 'threshold' && (
              <Form.Item
                name="steps"
                label="各档：完成率:得分比例，从高到低"
                extra="例如 100:1, 90:0.8, 80:0.6 表示完成率100%得满分、90%以上得八成、80%以上得六成"
              >
                <Input />
              </Form.Item>
            )}
            {method === 'grade' && (
              <Row gutter={12}>
                {(['A', 'B', 'C', 'D'] as const).map((g) => (
                  <Col span={6} key={g}>
                    <Form.Item name={g} label={`${g} 等得分比例`}>
                      <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            )}
            {method === 'per_occurrence' && (
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="each" label={kind === 'bonus' ? '每项加分' : '每次扣分'}>
                    <InputNumber min={0.01} max={1000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="cap" label="封顶（0 表示以分值封顶）">
                    <InputNumber min={0} max={1000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <Form.Item
              name="standard"
              label="评分标准（写入责任书；不填则按计分方法自动生成）"
              rules={[{ max: 1000, message: '不能超过 1000 个字' }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="scoringBody" label="考核责任单位" rules={[{ max: 60, message: '不能超过 60 个字' }]}>
                  <Input placeholder="如：县考评办" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="categoryIds" label="适用类别（不选表示全部）">
                  <Select mode="multiple" options={categories.map((c) => ({ value: c.id, label: c.name }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="autoSource"
              label="计分来源"
              extra="选自动来源的指标由系统按已有记录计分，考核责任单位不再录入。"
            >
              <Select
                data-testid="indicator-auto-source"
                options={[
                  { value: '', label: '考核责任单位评分' },
                  ...autoSources
                    .filter((s) => method && sourceFitsIndicator(s, kind, method))
                    .map((s) => ({ value: s, label: autoSourceLabels[s] })),
                ]}
              />
            </Form.Item>
            <Form.Item name="evidence" label="佐证材料要求" rules={[{ max: 500, message: '不能超过 500 个字' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
