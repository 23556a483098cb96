import { Button, Card, DatePicker, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type ObjectionState,
  objectionOutcomeLabels,
  objectionOutcomes,
  objectionStateLabels,
} from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { valid } from './valid';
import { useAskText } from '../../shared/use-ask-text';
import type { PublicationView } from './PublicationPage';
import { RescoreModal } from './RescoreModal';

type Objection = PublicationView['objections'][number];
const stateColors: Record<ObjectionState, string> = { registered: 'blue', investigating: 'gold', answered: 'green' };

/** 异议: registered (received within the period), investigated, answered; an upheld one re-scores its unit. */
export function ObjectionsCard({ v }: { v: PublicationView }) {
  const can = useCan();
  const ask = useAskText();
  const [registering, setRegistering] = useState(false);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const [rescoring, setRescoring] = useState<Objection | null>(null);
  const refreeze = useAction('objections.refreeze', {
    done: (r) => `已重新冻结，现行结果为第 ${r.snapshots.at(-1)?.no} 次`,
  });
  const open = v.publication && v.publication.state !== 'notified';
  return (
    <Card
      size="small"
      title="异议"
      data-testid="objections"
      extra={
        open &&
        can('objections.register') && (
          <Button size="small" onClick={() => setRegistering(true)} data-testid="register-objection">
            登记异议
          </Button>
        )
      }
    >
      <Table<Objection>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={v.objections}
        locale={{ emptyText: '公示期间尚未收到异议' }}
        expandable={{
          expandedRowRender: (o) => (
            <Space direction="vertical">
              <span>内容：{o.content}</span>
              {o.investigation && <span>调查核实：{o.investigation}</span>}
              {o.answer && (
                <span>
                  答复（{o.answeredDate}，{o.answeredBy}）：{o.answer}
                </span>
              )}
            </Space>
          ),
        }}
        columns={[
          { title: '编号', dataIndex: 'no', width: 90, render: (n: number) => `异议第${n}号` },
          { title: '收到日期', dataIndex: 'receivedDate', width: 100 },
          {
            title: '提出人',
            width: 180,
            render: (_, o) => [o.raiserName, o.raiserUnit, o.raiserContact].filter(Boolean).join('，'),
          },
          { title: '所涉单位', dataIndex: 'unitName', width: 150, render: (n: string | null) => n ?? '—' },
          { title: '内容', dataIndex: 'content', ellipsis: true },
          {
            title: '状态',
            width: 190,
            render: (_, o) => (
              <Space size={4} wrap>
                <Tag color={stateColors[o.state]}>{objectionStateLabels[o.state]}</Tag>
                {o.outcome && (
                  <Tag color={o.outcome === 'upheld' ? 'red' : 'default'}>{objectionOutcomeLabels[o.outcome]}</Tag>
                )}
                {o.rescoring && <Tag color="orange">重新评分中</Tag>}
                {o.rescoreSnapshotNo && <Tag color="green">已重新冻结（第 {o.rescoreSnapshotNo} 次）</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            width: 200,
            render: (_, o) => (
              <Space size={4} wrap>
                {o.state === 'registered' && can('objections.investigate') && (
                  <Button
                    size="small"
                    onClick={() =>
                      ask({
                        title: `异议第${o.no}号：调查核实`,
                        label: '调查核实情况',
                        placeholder: '调阅了哪些材料、向谁核实、核实的结果',
                        okText: '保存',
                        channel: 'objections.investigate',
                        input: (investigation) => ({ id: o.id, investigation }),
                        done: '已记录调查核实情况',
                      })
                    }
                  >
                    调查核实
                  </Button>
                )}
                {o.state === 'investigating' && can('objections.answer') && (
                  <Button size="small" onClick={() => setAnswering(o)}>
                    答复
                  </Button>
                )}
                {o.rescoring && can('objections.rescore') && (
                  <Button size="small" onClick={() => setRescoring(o)}>
                    重新评分
                  </Button>
                )}
                {o.rescoring && can('objections.refreeze') && (
                  <Popconfirm
                    title="冻结重新评分的结果？"
                    description="将另存一次考核结果（原结果保留），原因记为本异议及其答复；之后该单位不能再改。"
                    okText="冻结"
                    cancelText="取消"
                    onConfirm={() => refreeze.run({ id: o.id })}
                  >
                    <Button size="small" type="primary">
                      冻结结果
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {registering && <RegisterModal v={v} onClose={() => setRegistering(false)} />}
      {answering && <AnswerModal o={answering} onClose={() => setAnswering(null)} />}
      {rescoring && <RescoreModal v={v} o={rescoring} onClose={() => setRescoring(null)} />}
    </Card>
  );
}

type RegisterForm = {
  raiserName: string;
  raiserUnit?: string;
  raiserContact: string;
  receivedDate: Dayjs;
  unitId?: number;
  content: string;
};

function RegisterModal({ v, onClose }: { v: PublicationView; onClose(): void }) {
  const [form] = Form.useForm<RegisterForm>();
  const register = useAction('objections.register', { form, done: '已登记异议' });
  const latest = useCall('publications.snapshot', { planId: v.planId, no: v.snapshots.at(-1)!.no });
  const units = (latest.data?.categories ?? []).flatMap((c) => c.rows.map((r) => ({ value: r.unitId, label: r.unit })));
  return (
    <FormModal
      title="登记异议"
      okText="登记"
      busy={register.busy}
      onClose={onClose}
      onOk={() =>
        void valid(form).then(async (x) => {
          if (!x) return;
          const r = await register.run({
            planId: v.planId,
            raiserName: x.raiserName,
            raiserUnit: x.raiserUnit ?? '',
            raiserContact: x.raiserContact,
            receivedDate: x.receivedDate.format('YYYY-MM-DD'),
            content: x.content,
            unitId: x.unitId ?? null,
          });
          if (r) onClose();
        })
      }
    >
      <Typography.Paragraph type="secondary">
        公示期：{v.publication?.periodText}。收到日期晚于公示期的，不予受理。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ receivedDate: dayjs(v.today) }}>
        <Form.Item
          name="raiserName"
          label="提出人"
          rules={[{ required: true, whitespace: true, message: '请填写提出人' }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="raiserUnit" label="提出人单位">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="raiserContact"
          label="联系方式"
          rules={[{ required: true, whitespace: true, message: '请填写联系方式' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="receivedDate" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="unitId" label="所涉单位（对某单位得分的异议）">
          <Select allowClear showSearch optionFilterProp="label" options={units} loading={latest.loading} />
        </Form.Item>
        <Form.Item
          name="content"
          label="异议内容"
          rules={[{ required: true, whitespace: true, message: '请填写异议内容' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function AnswerModal({ o, onClose }: { o: Objection; onClose(): void }) {
  const [form] = Form.useForm<{ outcome: (typeof objectionOutcomes)[number]; answer: string }>();
  const answer = useAction('objections.answer', { form, done: `已答复异议第${o.no}号` });
  return (
    <FormModal
      title={`答复异议第${o.no}号`}
      okText="答复"
      busy={answer.busy}
      onClose={onClose}
      onOk={() =>
        void valid(form).then(async (x) => {
          if (!x) return;
          if (await answer.run({ id: o.id, ...x })) onClose();
        })
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item name="outcome" label="调查结论" rules={[{ required: true, message: '请选择异议是否成立' }]}>
          <Radio.Group options={objectionOutcomes.map((x) => ({ value: x, label: objectionOutcomeLabels[x] }))} />
        </Form.Item>
        {o.unitName && (
          <Typography.Paragraph type="secondary">
            异议成立的，{o.unitName}重新评分，完成后另存一次考核结果。
          </Typography.Paragraph>
        )}
        <Form.Item
          name="answer"
          label="答复意见"
          rules={[{ required: true, whitespace: true, message: '请填写答复意见' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
