import { Button, DatePicker, Form, Input, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { responsibilityTypeLabels, responsibilityTypes, statementStateLabels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { UnitSelect } from '../../shared/UnitSelect';
import type { CaseView } from './CaseDrawer';

type Subject = CaseView['subjects'][number];

/** Who the case is about, as at the time of the facts, and each person's 陈述申辩. */
export function SubjectsPanel({ c }: { c: CaseView }) {
  const can = useCan();
  const editable = c.actions.includes('edit');
  const [adding, setAdding] = useState(false);
  const [hearing, setHearing] = useState<{ s: Subject; given: boolean } | null>(null);
  const remove = useAction('cases.removeSubject', { done: '已移除' });
  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          被问责对象
        </Typography.Title>
        {editable && can('cases.addSubject') && (
          <Button size="small" onClick={() => setAdding(true)}>
            添加
          </Button>
        )}
      </Space>
      <Table<Subject>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.subjects}
        columns={[
          { title: '姓名/单位', dataIndex: 'name', width: 120 },
          {
            title: '事实发生时单位与职务',
            render: (_, s) => (
              <Space size={4} wrap>
                {s.kind === 'person' ? `${s.unitName}${s.post ?? ''}${s.rank ? `（${s.rank}）` : ''}` : '单位'}
                {s.isHead && <Tag>行政首长</Tag>}
                {s.movedTo && <Tag color="orange">现任 {s.movedTo}</Tag>}
              </Space>
            ),
          },
          {
            title: '责任',
            width: 110,
            render: (_, s) => (s.responsibility ? responsibilityTypeLabels[s.responsibility] : '—'),
          },
          {
            title: '陈述申辩',
            render: (_, s) =>
              s.kind === 'unit' ? (
                '—'
              ) : (
                <Space direction="vertical" size={0}>
                  <Tag color={s.statementState === 'pending' ? 'gold' : 'default'}>
                    {statementStateLabels[s.statementState]}
                  </Tag>
                  {s.statement && <Typography.Text type="secondary">{s.statement}</Typography.Text>}
                </Space>
              ),
          },
          {
            title: '操作',
            width: 220,
            render: (_, s) =>
              editable && (
                <Space size={0}>
                  {s.kind === 'person' && can('cases.statement') && (
                    <>
                      <Button size="small" type="link" onClick={() => setHearing({ s, given: true })}>
                        登记陈述申辩
                      </Button>
                      <Button size="small" type="link" onClick={() => setHearing({ s, given: false })}>
                        未陈述申辩
                      </Button>
                    </>
                  )}
                  {can('cases.removeSubject') && (
                    <Button size="small" type="link" danger onClick={() => void remove.run({ id: s.id })}>
                      移除
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {adding && <AddSubject caseId={c.id} onClose={() => setAdding(false)} />}
      {hearing && <Statement {...hearing} onClose={() => setHearing(null)} />}
    </div>
  );
}

function AddSubject({ caseId, onClose }: { caseId: number; onClose(): void }) {
  const [form] = Form.useForm();
  const [kind, setKind] = useState<'person' | 'unit'>('person');
  const [search, setSearch] = useState('');
  const people = useCall('people.list', { search: search || undefined, limit: 50 });
  const add = useAction('cases.addSubject', { form, done: '已添加被问责对象' });
  const ok = async () => {
    const v = (await form.validateFields()) as {
      unitId?: number;
      personId?: number;
      factsOn: dayjs.Dayjs;
      isHead?: boolean;
      responsibility?: (typeof responsibilityTypes)[number];
    };
    const r = await add.run({
      caseId,
      kind,
      unitId: v.unitId,
      personId: v.personId,
      factsOn: v.factsOn.format('YYYY-MM-DD'),
      isHead: v.isHead ?? false,
      responsibility: v.responsibility ?? null,
    });
    if (r) onClose();
  };
  return (
    <FormModal title="添加被问责对象" busy={add.busy} onOk={() => void ok()} onClose={onClose}>
      <Radio.Group
        value={kind}
        onChange={(e) => setKind(e.target.value as 'person' | 'unit')}
        style={{ marginBottom: 12 }}
      >
        <Radio value="person">个人</Radio>
        <Radio value="unit">单位</Radio>
      </Radio.Group>
      <Form form={form} layout="vertical" initialValues={{ factsOn: dayjs() }}>
        {kind === 'person' ? (
          <Form.Item name="personId" label="被问责人" rules={[{ required: true, message: '请选择被问责人' }]}>
            <Select
              showSearch
              aria-label="被问责人"
              filterOption={false}
              onSearch={setSearch}
              options={(people.data?.rows ?? []).map((p) => ({
                value: p.id,
                label: `${p.name}（${p.unitName}${p.post ?? ''}）`,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label="被问责单位" rules={[{ required: true, message: '请选择被问责单位' }]}>
            <UnitSelect aria-label="被问责单位" />
          </Form.Item>
        )}
        <Form.Item
          name="factsOn"
          label="事实发生日期（取当时的职务）"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="responsibility" label="责任类型">
          <Select
            allowClear
            aria-label="责任类型"
            options={responsibilityTypes.map((k) => ({ value: k, label: responsibilityTypeLabels[k] }))}
          />
        </Form.Item>
        {kind === 'person' && (
          <Form.Item name="isHead" label="行政首长" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

function Statement({ s, given, onClose }: { s: Subject; given: boolean; onClose(): void }) {
  const [form] = Form.useForm();
  const act = useAction('cases.statement', { form, done: given ? '已登记陈述申辩' : '已记录未陈述申辩' });
  const ok = async () => {
    const v = (await form.validateFields()) as { text?: string; on: dayjs.Dayjs };
    if (await act.run({ subjectId: s.id, given, text: v.text, on: v.on.format('YYYY-MM-DD') })) onClose();
  };
  return (
    <FormModal
      title={given ? `登记${s.name}的陈述申辩` : `记录${s.name}在期限内未陈述申辩`}
      busy={act.busy}
      onOk={() => void ok()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ on: dayjs() }}>
        <Form.Item
          name="on"
          label={given ? '陈述申辩日期' : '告知陈述申辩权利的日期'}
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="text"
          label={given ? '陈述申辩内容' : '说明（可不填）'}
          rules={given ? [{ required: true, whitespace: true, message: '请填写陈述申辩内容' }] : []}
        >
          <Input.TextArea rows={4} aria-label={given ? '陈述申辩内容' : '说明'} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
