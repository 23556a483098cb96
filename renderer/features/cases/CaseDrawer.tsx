import { Alert, Button, Descriptions, Drawer, Form, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../electron/contract';
import {
  caseStateLabels,
  faultCategories,
  faultCategoryLabels,
  faultDegreeLabels,
  faultDegrees,
} from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { useAskText } from '../../shared/use-ask-text';
import { caseStateColors } from './CasesTab';
import { DecisionsPanel } from './DecisionsPanel';
import { SubjectsPanel } from './SubjectsPanel';

export type CaseView = ChannelOutput<'cases.get'>;
type Step = ChannelInput<'cases.step'>['action'];

const stepWords: Record<Step, string> = {
  investigate: '开始调查核实',
  deliberate: '提交审议',
  execute: '转入执行',
  archive: '归档',
  revoke: '撤销案件',
  terminate: '终止案件',
};

/** One case: what it is about, who investigates, its subjects and their statements, its decisions and appeals. */
export function CaseDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const view = useCall('cases.get', { id });
  const c = view.data;
  return (
    <Drawer open width={1000} title={c ? c.title : '问责案件'} onClose={onClose} destroyOnHidden>
      {view.error && <Alert type="error" showIcon message={view.error} />}
      {!c ? <Spin /> : <CaseBody c={c} />}
    </Drawer>
  );
}

function CaseBody({ c }: { c: CaseView }) {
  const can = useCan();
  const step = useAction('cases.step');
  const askText = useAskText();
  const [editing, setEditing] = useState(false);
  const run = (action: Step) =>
    action === 'revoke' || action === 'terminate'
      ? askText({
          title: stepWords[action],
          label: action === 'revoke' ? '撤销理由' : '终止理由',
          placeholder: '理由（必填）',
          okText: stepWords[action],
          danger: true,
          channel: 'cases.step',
          input: (reason) => ({ id: c.id, action, reason }),
          done: `已${stepWords[action]}`,
        })
      : void step.run({ id: c.id, action }, `已${stepWords[action]}`);
  const steps = (Object.keys(stepWords) as Step[]).filter((a) => c.actions.includes(a));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Space wrap>
        <Tag color={caseStateColors[c.state]}>{caseStateLabels[c.state]}</Tag>
        {can('cases.step') &&
          steps.map((a) => (
            <Button
              key={a}
              size="small"
              danger={a === 'revoke' || a === 'terminate'}
              loading={step.busy}
              onClick={() => run(a)}
            >
              {stepWords[a]}
            </Button>
          ))}
        {can('cases.save') && c.actions.includes('edit') && !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            修改案件
          </Button>
        )}
      </Space>
      {c.endReason && <Alert type="warning" showIcon message={`${caseStateLabels[c.state]}：${c.endReason}`} />}
      {editing ? (
        <EditCase c={c} onDone={() => setEditing(false)} />
      ) : (
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="问责情形">{faultCategoryLabels[c.faultCategory]}</Descriptions.Item>
          <Descriptions.Item label="情节">{c.degree ? faultDegreeLabels[c.degree] : '—'}</Descriptions.Item>
          <Descriptions.Item label="立案日期">{c.openedOn}</Descriptions.Item>
          <Descriptions.Item label="调查人员">
            {c.investigators.length ? (
              c.investigators.join('、')
            ) : (
              <Typography.Text type="warning">未登记</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="调查认定的事实" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.facts || '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="线索" span={2}>
            {c.clues.map((x) => `${x.sourceLabel}：${x.summary}`).join('；') || '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
      <SubjectsPanel c={c} />
      <DecisionsPanel c={c} />
    </Space>
  );
}

function EditCase({ c, onDone }: { c: CaseView; onDone(): void }) {
  const [form] = Form.useForm();
  const save = useAction('cases.save', { form, done: '案件已保存' });
  const ok = async () => {
    const v = (await form.validateFields()) as Omit<ChannelInput<'cases.save'>, 'id'>;
    if (await save.run({ id: c.id, ...v, degree: v.degree ?? null, facts: v.facts ?? '' })) onDone();
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        title: c.title,
        faultCategory: c.faultCategory,
        degree: c.degree,
        facts: c.facts,
        investigators: c.investigators,
      }}
    >
      <Form.Item
        name="title"
        label="案件名称"
        rules={[{ required: true, whitespace: true, message: '请填写案件名称' }]}
      >
        <Input />
      </Form.Item>
      <Space>
        <Form.Item name="faultCategory" label="问责情形">
          <Select
            aria-label="问责情形"
            style={{ width: 220 }}
            options={faultCategories.map((k) => ({ value: k, label: faultCategoryLabels[k] }))}
          />
        </Form.Item>
        <Form.Item name="degree" label="情节">
          <Select
            aria-label="情节"
            allowClear
            style={{ width: 160 }}
            options={faultDegrees.map((k) => ({ value: k, label: faultDegreeLabels[k] }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="investigators" label="调查人员（至少两名，输入姓名后回车）">
        <Select mode="tags" aria-label="调查人员" open={false} tokenSeparators={['、', '，', ',']} />
      </Form.Item>
      <Form.Item name="facts" label="调查认定的事实">
        <Input.TextArea rows={5} aria-label="调查认定的事实" />
      </Form.Item>
      <Space>
        <Button type="primary" loading={save.busy} onClick={() => void ok()}>
          保存
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}
