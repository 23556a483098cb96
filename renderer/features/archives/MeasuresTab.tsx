import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { measureCategory, ruleTableSpecs } from '../../../electron/vocab';
import { act, useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { call } from '../../api/client';
import { FormModal } from '../../shared/FormModal';
import { ImportWizard, type ImportKind } from '../../shared/ImportWizard';
import { PersonPicker } from './PersonPicker';
import { yearOptions } from './grades';

type Measure = ChannelOutput<'measures.list'>[number];
const categories = measureCategory.values.map((v) => ({ value: v, label: measureCategory.labels[v] }));
/** The names the grade-limits table starts with; the office's own table may list more. */
const known = ruleTableSpecs.staff_grade_limits.defaults
  .filter((r) => r.code !== 'under_investigation')
  .map((r) => ({ value: r.measure }));

function MeasureForm(p: { onClose(): void }) {
  const [form] = Form.useForm();
  const save = useAction('measures.save', { form, done: '已登记' });
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    const day = (x: unknown) => (x ? dayjs(x as string).format('YYYY-MM-DD') : null);
    const r = await save.run({
      personId: v.personId as number,
      category: v.category as Measure['category'],
      measure: v.measure as string,
      body: v.body as string,
      decidedOn: day(v.decidedOn) ?? '',
      effectUntil: day(v.effectUntil),
      docNo: (v.docNo as string) ?? '',
      note: (v.note as string) ?? '',
    });
    if (r) p.onClose();
  };
  return (
    <FormModal title="登记处分或组织处理" busy={save.busy} onOk={() => void submit()} onClose={p.onClose} width={560}>
      <Form form={form} layout="vertical" initialValues={{ category: 'party' }}>
        <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
          <PersonPicker style={{ width: '100%' }} />
        </Form.Item>
        <Space>
          <Form.Item name="category" label="类别" rules={[{ required: true }]}>
            <Select options={categories} style={{ width: 140 }} aria-label="类别" />
          </Form.Item>
          <Form.Item
            name="measure"
            label="处分或处理"
            rules={[{ required: true, message: '请填写处分或处理' }]}
            extra="与规则表“处分与年度考核等次”中的名称一致才计入年度考核"
          >
            <AutoComplete options={known} style={{ width: 200 }} aria-label="处分或处理" filterOption />
          </Form.Item>
        </Space>
        <Form.Item name="body" label="决定机关" rules={[{ required: true, message: '请填写决定机关' }]}>
          <Input maxLength={60} placeholder="如：县纪委监委、县委组织部" />
        </Form.Item>
        <Space>
          <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择决定日期' }]}>
            <DatePicker aria-label="决定日期" />
          </Form.Item>
          <Form.Item name="effectUntil" label="影响期至（如有）">
            <DatePicker aria-label="影响期至" />
          </Form.Item>
        </Space>
        <Form.Item name="docNo" label="文号">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 处分与组织处理登记: measures other bodies decided, entered here so the assessment counts them. */
export function MeasuresTab() {
  const can = useCan();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useCall('measures.list', { year });
  const kind: ImportKind = {
    label: '处分与组织处理',
    keyLabel: '人员',
    preview: (f) => call('measures.importPreview', f),
    commit: 'measures.import',
    template: () => call('measures.template', {}),
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space>
        <Select
          allowClear
          placeholder="全部年度"
          value={year}
          onChange={setYear}
          options={yearOptions}
          style={{ width: 140 }}
          aria-label="年度"
        />
        {can('measures.save') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="measure-add">
            登记
          </Button>
        )}
        {can('measures.import') && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            从 Excel 导入
          </Button>
        )}
      </Space>
      {adding && <MeasureForm onClose={() => setAdding(false)} />}
      {importing && <ImportWizard kind={kind} open onClose={() => setImporting(false)} />}
      <Table<Measure>
        size="small"
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={list.data ?? []}
        data-testid="measures"
        columns={[
          { title: '姓名', dataIndex: 'personName', width: 90 },
          { title: '单位', dataIndex: 'unitName', width: 180 },
          {
            title: '类别',
            dataIndex: 'category',
            width: 100,
            render: (c: Measure['category']) => <Tag>{measureCategory.label(c)}</Tag>,
          },
          { title: '处分或处理', dataIndex: 'measure', width: 120 },
          { title: '决定机关', dataIndex: 'body', width: 140 },
          { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
          { title: '影响期至', dataIndex: 'effectUntil', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '文号', dataIndex: 'docNo' },
          {
            title: '',
            key: 'ops',
            width: 70,
            render: (_, m) =>
              can('measures.remove') && (
                <Popconfirm
                  title={`删除${m.personName}的“${m.measure}”登记？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => act(message, 'measures.remove', { id: m.id }, { done: '已删除' })}
                >
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Space>
  );
}
