import { App, Button, DatePicker, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { incidentReviewStateLabels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { UnitSelect } from '../../shared/UnitSelect';
import { useAskText } from '../../shared/use-ask-text';
import { openDocument } from '../plans/DocumentPreview';
import { deadlineTag } from '../progress/BoardTab';
import { PersonSelect } from '../supervision-web/PersonSelect';

type Row = ChannelOutput<'incidents.list'>[number];
const day = (d: dayjs.Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const stateColor: Record<Row['state'], string> = {
  pending: 'orange',
  submitted: 'blue',
  returned: 'volcano',
  accepted: 'green',
  withdrawn: 'default',
};

function DemandForm({ onClose }: { onClose(): void }) {
  const [form] = Form.useForm();
  const demand = useAction('incidents.demand', {
    form,
    done: (r) => `已发出检讨通知 ${r.number}，检讨期限 ${r.deadline}`,
  });
  const unitId = Form.useWatch('unitId', form) as number | undefined;
  const submit = async () => {
    const v = await form.validateFields();
    const out = await demand.run({
      unitId: v.unitId,
      personId: v.personId ?? null,
      incident: v.incident,
      incidentOn: day(v.incidentOn)!,
      facts: v.facts,
      toBody: v.toBody,
      demandedOn: day(v.demandedOn)!,
      ...(v.deadline ? { deadline: day(v.deadline) } : { workingDays: v.workingDays }),
    });
    if (out) onClose();
  };
  return (
    <FormModal width={720} title="发出检讨通知" busy={demand.busy} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ demandedOn: dayjs(), workingDays: 5 }}>
        <Space size="middle" wrap>
          <Form.Item name="unitId" label="发生事故（事件）的单位" rules={[{ required: true, message: '请选择单位' }]}>
            <UnitSelect style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="personId" label="检讨人" extra="不选则为该单位登记的单位负责人">
            <PersonSelect unitId={unitId} placeholder="（单位负责人）" />
          </Form.Item>
        </Space>
        <Space size="middle" wrap>
          <Form.Item
            name="incident"
            label="事故（事件）名称"
            rules={[{ required: true, message: '请填写事故（事件）名称' }]}
          >
            <Input style={{ width: 320 }} maxLength={100} placeholder="如：“2·26”危化品仓库火灾事故" />
          </Form.Item>
          <Form.Item name="incidentOn" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        <Form.Item
          name="facts"
          label="基本情况"
          rules={[{ required: true, whitespace: true, message: '请填写基本情况' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Space size="middle" wrap>
          <Form.Item name="toBody" label="检讨报送的上级机关" rules={[{ required: true, message: '请填写上级机关' }]}>
            <Input style={{ width: 240 }} maxLength={60} placeholder="如：示例县人民政府" />
          </Form.Item>
          <Form.Item name="demandedOn" label="通知日期" rules={[{ required: true, message: '请选择通知日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="workingDays" label="检讨期限（工作日）">
            <InputNumber min={1} max={60} addonAfter="个工作日" />
          </Form.Item>
          <Form.Item name="deadline" label="或指定期限日期">
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}

function ReplyForm({ row, onClose }: { row: Row; onClose(): void }) {
  const [form] = Form.useForm();
  const reply = useAction('incidents.reply', { form, done: '已登记书面检讨' });
  const submit = async () => {
    const v = await form.validateFields();
    const out = await reply.run({ id: row.id, replyOn: day(v.replyOn)!, reply: v.reply });
    if (out) onClose();
  };
  return (
    <FormModal width={680} title={`登记书面检讨：${row.unitName}`} busy={reply.busy} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ replyOn: dayjs() }}>
        <Typography.Paragraph type="secondary">
          {row.headName}就{row.incident}向{row.toBody}作出的书面检讨；期限 {row.deadline}
          ，逾期提交的照样登记并标明逾期。
        </Typography.Paragraph>
        <Form.Item name="replyOn" label="提交日期" rules={[{ required: true, message: '请选择提交日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="reply"
          label="书面检讨内容"
          rules={[{ required: true, whitespace: true, message: '请填写书面检讨内容' }]}
        >
          <Input.TextArea rows={8} maxLength={10000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * 重大事故/事件的责任检讨: the 检讨通知 to a unit's head with its working-day deadline (also on the overdue board), the
 * written explanation, 认可 or 退回重写, and 转为问责线索.
 */
export function IncidentReviewsTab() {
  const can = useCan();
  const { message } = App.useApp();
  const list = useCall('incidents.list', {});
  const askText = useAskText();
  const [demanding, setDemanding] = useState(false);
  const [replying, setReplying] = useState<Row | null>(null);
  const accept = useAction('incidents.settle', { done: '已认可书面检讨' });
  const ask = (r: Row, action: 'return' | 'withdraw') =>
    askText({
      title: action === 'return' ? '退回重写' : '撤回检讨通知',
      label: action === 'return' ? '退回意见' : '撤回理由',
      placeholder: action === 'return' ? '退回意见（必填）' : '撤回理由（必填）',
      okText: action === 'return' ? '退回' : '撤回',
      danger: action === 'withdraw',
      channel: 'incidents.settle',
      input: (opinion) => ({ id: r.id, action, opinion }),
      done: action === 'return' ? '已退回重写' : '已撤回检讨通知',
    });
  const toClue = (r: Row) =>
    askText({
      title: '转为问责线索',
      label: '转问责理由',
      placeholder: '转问责理由（必填）',
      okText: '转为线索',
      danger: true,
      channel: 'incidents.toClue',
      input: (reason) => ({ id: r.id, reason }),
      done: '已转为问责线索',
    });
  return (
    <>
      {can('incidents.demand') && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setDemanding(true)}>
          发出检讨通知
        </Button>
      )}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1400 }}
        expandable={{
          rowExpandable: (r) => !!r.reply || !!r.opinion,
          expandedRowRender: (r) => (
            <>
              {r.reply && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  书面检讨（{r.replyOn}）：{r.reply}
                </Typography.Paragraph>
              )}
              {r.opinion && <Typography.Paragraph type="secondary">意见：{r.opinion}</Typography.Paragraph>}
            </>
          ),
        }}
        columns={[
          { title: '通知日期', dataIndex: 'demandedOn', width: 100 },
          {
            title: '状态',
            width: 230,
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color={stateColor[r.state]}>{incidentReviewStateLabels[r.state]}</Tag>
                {deadlineTag(r)}
                {r.late && <Tag color="red">逾期提交</Tag>}
                {r.clueId !== null && <Tag color="magenta">已转问责线索</Tag>}
              </Space>
            ),
          },
          { title: '单位', dataIndex: 'unitName', width: 150 },
          { title: '检讨人', width: 140, render: (_, r) => `${r.headName}${r.headPost ? `（${r.headPost}）` : ''}` },
          { title: '事故（事件）', dataIndex: 'incident', ellipsis: true, width: 220 },
          { title: '报送', dataIndex: 'toBody', width: 130 },
          { title: '期限', dataIndex: 'deadline', width: 100 },
          {
            title: '检讨通知',
            width: 150,
            render: (_, r) =>
              r.documentId !== null ? (
                <Button size="small" type="link" onClick={() => void openDocument(r.documentId!, message)}>
                  {r.number}
                </Button>
              ) : null,
          },
          {
            title: '操作',
            width: 300,
            render: (_, r) => (
              <Space size={0} wrap>
                {can('incidents.reply') && r.actions.includes('reply') && (
                  <Button size="small" type="link" onClick={() => setReplying(r)}>
                    登记书面检讨
                  </Button>
                )}
                {can('incidents.settle') && r.actions.includes('accept') && (
                  <Popconfirm
                    title="认可检讨"
                    description="认可这份书面检讨。确定吗？"
                    okText="认可"
                    cancelText="取消"
                    onConfirm={() => void accept.run({ id: r.id, action: 'accept' })}
                  >
                    <Button size="small" type="link">
                      认可
                    </Button>
                  </Popconfirm>
                )}
                {can('incidents.settle') && r.actions.includes('return') && (
                  <Button size="small" type="link" onClick={() => ask(r, 'return')}>
                    退回重写
                  </Button>
                )}
                {can('incidents.settle') && r.actions.includes('withdraw') && (
                  <Button size="small" type="link" onClick={() => ask(r, 'withdraw')}>
                    撤回
                  </Button>
                )}
                {can('incidents.toClue') && r.actions.includes('escalate') && (
                  <Button size="small" type="link" danger onClick={() => toClue(r)}>
                    转为问责线索
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {demanding && <DemandForm onClose={() => setDemanding(false)} />}
      {replying && <ReplyForm row={replying} onClose={() => setReplying(null)} />}
    </>
  );
}
