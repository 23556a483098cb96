import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Popconfirm, Select, Space } from 'antd';
import { Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { checkKindLabels, checkKinds, findingRatingLabels, findingRatings } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { UnitSelect } from '../../shared/UnitSelect';
import { DocumentPreview } from '../plans/DocumentPreview';
import { NoticeForm } from './NoticeForm';

type Check = ChannelOutput<'checks.list'>[number];
type Finding = Check['findings'][number];
const ratingColors: Record<Finding['rating'], string> = { on_track: 'green', lagging: 'gold', serious: 'red' };
const ratingTag = (r: Finding['rating']) => <Tag color={ratingColors[r]}>{findingRatingLabels[r]}</Tag>;

/** 督查: rounds with their team, scope and date; rated findings per unit or target; the 督查通报; a notice from a finding. */
export function ChecksTab() {
  const plans = useCall('plans.list', {});
  const running = (plans.data ?? []).filter((p) => p.state !== 'draft' && p.state !== 'closed');
  const [planId, setPlanId] = useState<number | null>(null);
  useEffect(() => {
    if (planId === null && running[0]) setPlanId(running[0].id);
  }, [running, planId]);
  if (plans.data && running.length === 0) return <Empty description="方案发布后才能安排督查。" />;
  return (
    <div>
      <Select
        style={{ width: 320, marginBottom: 12 }}
        value={planId ?? undefined}
        placeholder="考核方案"
        onChange={setPlanId}
        options={running.map((p) => ({ value: p.id, label: `${p.year} 年 · ${p.title}` }))}
      />
      {planId && <Rounds key={planId} planId={planId} />}
    </div>
  );
}

function Rounds({ planId }: { planId: number }) {
  const can = useCan();
  const list = useCall('checks.list', { planId });
  const [newRound, setNewRound] = useState(false);
  const [adding, setAdding] = useState<Check | null>(null);
  const [preview, setPreview] = useState<Check | null>(null);
  const [notice, setNotice] = useState<Finding | null>(null);
  const aboutTarget = notice?.targetContent ? `“${notice.targetContent.slice(0, 40)}”` : '';
  const report = useAction('checks.report', { done: (r) => `已生成督查通报 ${r.reportNumber}` });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('checks.save') && (
        <Button icon={<PlusOutlined />} onClick={() => setNewRound(true)}>
          新增督查
        </Button>
      )}
      {list.error && <Alert type="error" showIcon message={list.error} />}
      {(list.data ?? []).map((c) => (
        <Card
          key={c.id}
          size="small"
          title={`${c.title}（${c.checkDate}）`}
          extra={
            <Space>
              {c.reportDocumentId ? (
                <Button size="small" onClick={() => setPreview(c)}>
                  督查通报 {c.reportNumber}
                </Button>
              ) : (
                <>
                  {can('findings.save') && (
                    <Button size="small" onClick={() => setAdding(c)}>
                      登记发现
                    </Button>
                  )}
                  {can('checks.report') && (
                    <Popconfirm
                      title="生成督查通报？"
                      description="通报印发后，这次督查的发现不能再修改。"
                      okText="生成"
                      cancelText="取消"
                      onConfirm={() => report.run({ id: c.id })}
                    >
                      <Button size="small" type="primary" disabled={c.findings.length === 0}>
                        生成通报
                      </Button>
                    </Popconfirm>
                  )}
                </>
              )}
            </Space>
          }
        >
          <div style={{ marginBottom: 8 }}>
            督查组：{c.team}；范围：{c.scope}
          </div>
          <Table<Finding>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.findings}
            columns={[
              { title: '单位', dataIndex: 'unitName', width: 150 },
              { title: '评定', dataIndex: 'rating', width: 100, render: (r: Finding['rating']) => ratingTag(r) },
              {
                title: '督查发现',
                render: (_, f) => (f.targetContent ? `${f.targetContent}：${f.description}` : f.description),
              },
              { title: '整改要求', dataIndex: 'requiredAction', width: 240 },
              {
                title: '通知书',
                width: 110,
                render: (_, f) =>
                  f.noticeId ? (
                    <Tag color="blue">已发出</Tag>
                  ) : (
                    can('notices.create') &&
                    f.rating !== 'on_track' && (
                      <Button size="small" type="link" onClick={() => setNotice(f)}>
                        发通知书
                      </Button>
                    )
                  ),
              },
            ]}
          />
        </Card>
      ))}
      {newRound && <RoundForm planId={planId} onClose={() => setNewRound(false)} onDone={() => setNewRound(false)} />}
      {adding && <FindingForm check={adding} onClose={() => setAdding(null)} onDone={() => setAdding(null)} />}
      {preview?.reportDocumentId && (
        <DocumentPreview
          id={preview.reportDocumentId}
          title={preview.reportNumber ?? ''}
          onClose={() => setPreview(null)}
        />
      )}
      {notice && (
        <NoticeForm
          unitId={notice.unitId}
          unitName={notice.unitName}
          targetId={notice.targetId ?? undefined}
          findingId={notice.id}
          defaultKind="rectification"
          reason={`督查发现你单位${aboutTarget}${notice.description}。`}
          items={notice.requiredAction}
          onClose={() => setNotice(null)}
          onDone={() => setNotice(null)}
        />
      )}
    </Space>
  );
}

function RoundForm({ planId, onClose, onDone }: { planId: number; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const save = useAction('checks.save', { form });
  const submit = async () => {
    type Values = { title: string; kind: (typeof checkKinds)[number]; team: string; scope: string; checkDate: Dayjs };
    const { checkDate, ...v } = (await form.validateFields()) as Values;
    if (await save.run({ planId, ...v, checkDate: checkDate.format('YYYY-MM-DD') })) onDone();
  };
  return (
    <FormModal title="新增督查" busy={save.busy} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'half_year', checkDate: dayjs() }}>
        <Form.Item
          name="title"
          label="督查名称"
          rules={[
            { required: true, message: '请填写名称' },
            { max: 60, message: '不能超过 60 个字' },
          ]}
        >
          <Input placeholder="如：2026年上半年目标任务督查" />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select options={checkKinds.map((k) => ({ value: k, label: checkKindLabels[k] }))} />
        </Form.Item>
        <Form.Item
          name="team"
          label="督查组"
          rules={[
            { required: true, message: '请填写督查组' },
            { max: 200, message: '不能超过 200 个字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="scope"
          label="督查范围"
          rules={[
            { required: true, message: '请填写范围' },
            { max: 500, message: '不能超过 500 个字' },
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="checkDate" label="督查日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function FindingForm({ check, onClose, onDone }: { check: Check; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const save = useAction('findings.save', { form });
  const unitId = Form.useWatch('unitId', form) as number | undefined;
  const targets = useCall('targets.list', { planId: check.planId, unitId: unitId ?? 0 });
  const submit = async () => {
    type Values = Pick<Finding, 'unitId' | 'rating' | 'description' | 'requiredAction'> & { targetId?: number };
    const v = (await form.validateFields()) as Values;
    if (await save.run({ checkId: check.id, ...v, targetId: v.targetId ?? null })) onDone();
  };
  return (
    <FormModal width={620} title={`登记发现：${check.title}`} busy={save.busy} onOk={submit} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ rating: 'lagging' }}
        onValuesChange={(c: Record<string, unknown>) => 'unitId' in c && form.setFieldsValue({ targetId: undefined })}
      >
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="targetId" label="所涉目标（可不选）">
          <Select
            allowClear
            disabled={!unitId}
            options={(unitId ? (targets.data ?? []) : []).map((t) => ({ value: t.id, label: t.content.slice(0, 50) }))}
          />
        </Form.Item>
        <Form.Item name="rating" label="评定">
          <Select options={findingRatings.map((k) => ({ value: k, label: findingRatingLabels[k] }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label="督查发现"
          rules={[
            { required: true, message: '请填写' },
            { max: 2000, message: '不能超过 2000 个字' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="requiredAction"
          label="整改要求"
          rules={[
            { required: true, message: '请填写' },
            { max: 1000, message: '不能超过 1000 个字' },
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
