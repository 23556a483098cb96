import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { ChannelInput, ChannelOutput } from '../../../electron/contract';

type Grading = ChannelInput<'results.saveRules'>['rules']['grading'];
type QuotaStep = Extract<Grading, { by: 'quota' }>['otherwise'][number];
type Category = ChannelOutput<'results.rules'>['categories'][number];

/** A quota step as typed: a count of places, or a share in percent of the category's units. */
interface QuotaRow {
  grade: string;
  as: 'count' | 'share';
  value: number;
}
export interface GradingForm {
  by: 'threshold' | 'quota';
  steps: { grade: string; min: number }[];
  otherwise: QuotaRow[];
  perCategory: { categoryId: number; steps: QuotaRow[] }[];
  rest: string;
  vetoGrade: string;
}

const rowOf = (s: QuotaStep): QuotaRow =>
  'count' in s
    ? { grade: s.grade, as: 'count', value: s.count }
    : { grade: s.grade, as: 'share', value: s.share * 100 };
const stepOf = (r: QuotaRow): QuotaStep =>
  r.as === 'count' ? { grade: r.grade, count: r.value } : { grade: r.grade, share: Math.round(r.value * 100) / 10_000 };
const defaultQuota: QuotaRow[] = [
  { grade: '优秀', as: 'share', value: 30 },
  { grade: '良好', as: 'share', value: 40 },
];
const defaultSteps = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '达标', min: 60 },
];

export function gradingToForm(g: Grading): GradingForm {
  return g.by === 'threshold'
    ? {
        by: 'threshold',
        steps: g.steps,
        otherwise: defaultQuota,
        perCategory: [],
        rest: g.rest,
        vetoGrade: g.vetoGrade,
      }
    : {
        by: 'quota',
        steps: defaultSteps,
        otherwise: g.otherwise.map(rowOf),
        perCategory: g.perCategory.map((c) => ({ categoryId: c.categoryId, steps: c.steps.map(rowOf) })),
        rest: g.rest,
        vetoGrade: g.vetoGrade,
      };
}

export function gradingOf(f: GradingForm): Grading {
  if (f.by === 'threshold') return { by: 'threshold', steps: f.steps, rest: f.rest, vetoGrade: f.vetoGrade };
  return {
    by: 'quota',
    otherwise: f.otherwise.map(stepOf),
    perCategory: f.perCategory.map((c) => ({ categoryId: c.categoryId, steps: c.steps.map(stepOf) })),
    rest: f.rest,
    vetoGrade: f.vetoGrade,
  };
}

const required = (what: string) => [{ required: true, message: `请填写${what}` }];

/** The quota steps of one list (the default, or a category's own), in order: the first places get the first grade. */
function QuotaSteps({ name, abs, testId }: { name: (string | number)[]; abs: (string | number)[]; testId: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid={testId}>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'grade']} rules={required('等次名称')}>
                <Input placeholder="等次" style={{ width: 100 }} maxLength={10} />
              </Form.Item>
              <Form.Item name={[f.name, 'as']}>
                <Select
                  style={{ width: 100 }}
                  options={[
                    { value: 'share', label: '按比例' },
                    { value: 'count', label: '按名额' },
                  ]}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const share = form.getFieldValue([...abs, f.name, 'as']) === 'share';
                  return (
                    <Form.Item name={[f.name, 'value']} rules={required(share ? '比例' : '名额')}>
                      <InputNumber
                        min={0}
                        max={share ? 100 : 100_000}
                        precision={share ? 2 : 0}
                        addonAfter={share ? '%' : '个'}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除等次" />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ grade: '', as: 'count', value: 1 })}>
            添加等次
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** Grades by score thresholds (from high to low) or by quotas per category (counts or shares of its units). */
export function GradingEditor({ form, categories }: { form: FormInstance; categories: Category[] }) {
  const by = Form.useWatch(['grading', 'by'], form) as GradingForm['by'] | undefined;
  const per = (Form.useWatch(['grading', 'perCategory'], form) as GradingForm['perCategory'] | undefined) ?? [];
  const unused = categories.filter((c) => !per.some((p) => p?.categoryId === c.id));
  const nameOf = (id: number) => {
    const c = categories.find((x) => x.id === id);
    return c ? `${c.name}（${c.units} 个单位）` : `类别 ${id}`;
  };
  return (
    <>
      <Form.Item name={['grading', 'by']}>
        <Radio.Group
          data-testid="grading-by"
          options={[
            { value: 'threshold', label: '按分数线' },
            { value: 'quota', label: '按各类别名额' },
          ]}
        />
      </Form.Item>
      {by === 'threshold' && (
        <Form.List name={['grading', 'steps']}>
          {(fields, { add, remove }) => (
            <div data-testid="threshold-steps">
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'grade']} rules={required('等次名称')}>
                    <Input placeholder="等次" style={{ width: 100 }} maxLength={10} />
                  </Form.Item>
                  <Typography.Text>总分达到</Typography.Text>
                  <Form.Item name={[f.name, 'min']} rules={required('分数线')}>
                    <InputNumber min={0} max={1000} precision={2} addonAfter="分" style={{ width: 140 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除分数线" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ grade: '', min: 0 })}>
                添加分数线
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                分数线从高到低排列；达到哪一条即为该等次。
              </Typography.Paragraph>
            </div>
          )}
        </Form.List>
      )}
      {by === 'quota' && (
        <>
          <Typography.Paragraph type="secondary">
            类别内排名靠前的单位依次占用各等次名额（比例按类别单位数计算、向下取整；一票否决的单位不占名额）。名额边界上同分的，
            系统不替人挑选，结果页会列出这些单位，请人工决定。
          </Typography.Paragraph>
          <Typography.Text strong>各类别通用的名额</Typography.Text>
          <QuotaSteps name={['grading', 'otherwise']} abs={['grading', 'otherwise']} testId="quota-otherwise" />
          <Form.List name={['grading', 'perCategory']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div key={f.key} style={{ marginTop: 12 }}>
                    <Space>
                      <Typography.Text strong>
                        {nameOf(form.getFieldValue(['grading', 'perCategory', f.name, 'categoryId']) as number)}
                        单独设置
                      </Typography.Text>
                      <Button size="small" type="link" danger onClick={() => remove(f.name)}>
                        改用通用名额
                      </Button>
                    </Space>
                    <QuotaSteps
                      name={[f.name, 'steps']}
                      abs={['grading', 'perCategory', f.name, 'steps']}
                      testId={`quota-category-${f.name}`}
                    />
                  </div>
                ))}
                {unused.length > 0 && (
                  <Select<number>
                    style={{ width: 300, marginTop: 12, display: 'block' }}
                    placeholder="为某一类别单独设置名额"
                    value={null as unknown as number}
                    options={unused.map((c) => ({ value: c.id, label: nameOf(c.id) }))}
                    onChange={(id) => add({ categoryId: id, steps: defaultQuota })}
                    data-testid="quota-add-category"
                  />
                )}
              </>
            )}
          </Form.List>
        </>
      )}
      <Space size="large" style={{ marginTop: 12 }} wrap>
        <Form.Item name={['grading', 'rest']} label="其余单位的等次" rules={required('其余单位的等次')}>
          <Input style={{ width: 140 }} maxLength={10} />
        </Form.Item>
        <Form.Item name={['grading', 'vetoGrade']} label="一票否决单位的等次" rules={required('一票否决单位的等次')}>
          <Input style={{ width: 140 }} maxLength={10} />
        </Form.Item>
      </Space>
    </>
  );
}
