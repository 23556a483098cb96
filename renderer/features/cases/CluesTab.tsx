import { Button, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import {
  clueSourceLabels,
  clueStateLabels,
  faultCategories,
  faultCategoryLabels,
} from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { UnitSelect } from '../../shared/UnitSelect';
import { useAskText } from '../../shared/use-ask-text';

type Clue = ChannelOutput<'clues.list'>[number];
const today = () => dayjs().format('YYYY-MM-DD');

/** 问责线索: where each came from, and its assessment — 立案, 并案 into an open case, or 了结 with a reason. */
export function CluesTab({ onOpenCase }: { onOpenCase(id: number): void }) {
  const can = useCan();
  const list = useCall('clues.list', {});
  const cases = useCall('cases.list', {});
  const askText = useAskText();
  const [filing, setFiling] = useState<Clue | null>(null);
  const [merging, setMerging] = useState<Clue | null>(null);
  const [entering, setEntering] = useState(false);
  const close = (c: Clue) =>
    askText({
      title: '了结问责线索',
      label: '了结理由',
      placeholder: '了结理由（必填）',
      okText: '了结',
      channel: 'clues.assess',
      input: (reason) => ({ action: 'close', id: c.id, reason }),
      done: '线索已了结',
    });
  return (
    <>
      {can('clues.file') && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEntering(true)}>
          登记线索
        </Button>
      )}
      <Table<Clue>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '来源', width: 160, render: (_, c) => clueSourceLabels[c.sourceKind] },
          { title: '来源记录', dataIndex: 'sourceLabel', width: 200, ellipsis: true },
          { title: '单位', dataIndex: 'unitName', width: 140 },
          { title: '人员', dataIndex: 'personName', width: 90 },
          { title: '线索内容', dataIndex: 'summary', ellipsis: true },
          {
            title: '研判',
            width: 200,
            render: (_, c) => (
              <Space size={4}>
                <Tag color={c.state === 'pending' ? 'gold' : c.state === 'closed' ? 'default' : 'blue'}>
                  {clueStateLabels[c.state]}
                </Tag>
                {c.caseId !== null && (
                  <Button size="small" type="link" onClick={() => onOpenCase(c.caseId!)}>
                    {c.caseTitle}
                  </Button>
                )}
                {c.state === 'closed' && c.assessment}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 170,
            render: (_, c) =>
              c.state === 'pending' &&
              can('clues.assess') && (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setFiling(c)}>
                    立案
                  </Button>
                  <Button size="small" type="link" onClick={() => setMerging(c)}>
                    并案
                  </Button>
                  <Button size="small" type="link" danger onClick={() => close(c)}>
                    了结
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {entering && <EnterClue onClose={() => setEntering(false)} />}
      {filing && <FileCase clue={filing} onClose={() => setFiling(null)} onOpenCase={onOpenCase} />}
      {merging && (
        <MergeClue
          clue={merging}
          cases={(cases.data ?? []).filter((k) => !['archived', 'revoked', 'terminated'].includes(k.state))}
          onClose={() => setMerging(null)}
        />
      )}
    </>
  );
}

function EnterClue({ onClose }: { onClose(): void }) {
  const [form] = Form.useForm();
  const action = useAction('clues.file', { form, done: '线索已登记' });
  const ok = async () => {
    const v = (await form.validateFields()) as { summary: string; unitId?: number; receivedOn: dayjs.Dayjs };
    const r = await action.run({
      summary: v.summary,
      unitId: v.unitId ?? null,
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
    });
    if (r) onClose();
  };
  return (
    <FormModal title="登记问责线索" busy={action.busy} onOk={() => void ok()} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        <Form.Item
          name="summary"
          label="线索内容"
          rules={[{ required: true, whitespace: true, message: '请填写线索内容' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="unitId" label="所涉单位">
          <UnitSelect allowClear placeholder="选择单位" aria-label="所涉单位" />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function FileCase({ clue, onClose, onOpenCase }: { clue: Clue; onClose(): void; onOpenCase(id: number): void }) {
  const [form] = Form.useForm();
  const action = useAction('clues.assess', { form, done: '已立案' });
  const ok = async () => {
    const v = (await form.validateFields()) as { title: string; faultCategory: (typeof faultCategories)[number] };
    const r = await action.run({ action: 'file', id: clue.id, ...v, openedOn: today() });
    if (r) {
      onClose();
      if (r.caseId) onOpenCase(r.caseId);
    }
  };
  return (
    <FormModal title="立案" okText="立案" busy={action.busy} onOk={() => void ok()} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ title: clue.summary.slice(0, 40) }}>
        <Form.Item
          name="title"
          label="案件名称"
          rules={[{ required: true, whitespace: true, message: '请填写案件名称' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="faultCategory" label="问责情形" rules={[{ required: true, message: '请选择问责情形' }]}>
          <Select
            aria-label="问责情形"
            options={faultCategories.map((k) => ({ value: k, label: faultCategoryLabels[k] }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function MergeClue({ clue, cases, onClose }: { clue: Clue; cases: { id: number; title: string }[]; onClose(): void }) {
  const [caseId, setCaseId] = useState<number>();
  const action = useAction('clues.assess', { done: '已并案' });
  const ok = async () => {
    if (!caseId) return;
    if (await action.run({ action: 'merge', id: clue.id, caseId })) onClose();
  };
  return (
    <FormModal title="并入已有案件" okText="并案" busy={action.busy} onOk={() => void ok()} onClose={onClose}>
      <Select
        style={{ width: '100%' }}
        aria-label="并入的案件"
        placeholder="选择案件"
        value={caseId}
        onChange={setCaseId}
        options={cases.map((k) => ({ value: k.id, label: k.title }))}
      />
    </FormModal>
  );
}
