import { Button, DatePicker, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  complaintCategoryLabels,
  complaintChannelLabels,
  complaintStateLabels,
} from '../../../electron/contract/labels';
import { call } from '../../api/client';
import { downloadBase64, XLSX_MIME } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { FormModal } from '../../shared/FormModal';
import { ImportWizard, type ImportKind } from '../../shared/ImportWizard';
import { useAskText } from '../../shared/use-ask-text';
import { deadlineTag } from '../progress/BoardTab';
import { ComplaintForm, type ComplaintRow } from './ComplaintForm';

const importKind: ImportKind = {
  label: '投诉',
  keyLabel: '来件编号 / 受理日期',
  preview: (f) => call('complaints.importPreview', f),
  errors: (f) => call('complaints.importErrors', f),
  commit: 'complaints.import',
  template: () => call('complaints.template', {}),
};

function ConcludeModal({ row, onClose }: { row: ComplaintRow; onClose(): void }) {
  const [form] = Form.useForm();
  const conclude = useAction('complaints.conclude', { form, done: '已办结' });
  const submit = async () => {
    const v = await form.validateFields();
    const out = await conclude.run({
      id: row.id,
      result: v.result,
      substantiated: v.substantiated,
      concludedOn: (v.concludedOn as dayjs.Dayjs).format('YYYY-MM-DD'),
    });
    if (out) onClose();
  };
  return (
    <FormModal title={`办结投诉：${row.unitName}`} okText="办结" busy={conclude.busy} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ concludedOn: dayjs() }}>
        <Form.Item name="substantiated" label="是否查实" rules={[{ required: true, message: '请选择是否查实' }]}>
          <Radio.Group
            options={[
              { value: true, label: '查实（计入单位考核扣分）' },
              { value: false, label: '不属实' },
            ]}
          />
        </Form.Item>
        <Form.Item name="concludedOn" label="办结日期" rules={[{ required: true, message: '请选择办结日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(row.receivedOn), 'day')} />
        </Form.Item>
        <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请填写办理结果' }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 投诉: the register, its deadlines, the conclusion, the clue; the complainant masked but for its handler. */
export function ComplaintsTab({ me }: { me: string }) {
  const can = useCan();
  const [state, setState] = useState<'open' | 'closed' | undefined>('open');
  const [search, setSearch] = useState('');
  const list = useCall('complaints.list', { ...(state ? { state } : {}), ...(search ? { search } : {}) });
  const [editing, setEditing] = useState<ComplaintRow | null | 'new'>(null);
  const [concluding, setConcluding] = useState<ComplaintRow | null>(null);
  const [importing, setImporting] = useState(false);
  const toClue = useAction('complaints.toClue', { done: '已转为问责线索' });
  const askText = useAskText();
  const reopen = (r: ComplaintRow) =>
    askText({
      title: '重新办理投诉',
      label: '原因',
      placeholder: '重新办理的原因（必填）',
      okText: '重新办理',
      channel: 'complaints.reopen',
      input: (reason) => ({ id: r.id, reason }),
      done: '已重新办理',
    });
  const exportAll = async () => {
    const f = await call('complaints.export', {});
    downloadBase64(f.fileName, f.base64, XLSX_MIME);
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<'open' | 'closed' | 'all'>
          style={{ width: 120 }}
          value={state ?? 'all'}
          onChange={(v) => setState(v === 'all' ? undefined : v)}
          options={[
            { value: 'open', label: '办理中' },
            { value: 'closed', label: '已办结' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Input.Search allowClear placeholder="单位、内容或来件编号" onSearch={setSearch} style={{ width: 240 }} />
        {can('complaints.save') && (
          <Button type="primary" onClick={() => setEditing('new')}>
            登记投诉
          </Button>
        )}
        {can('complaints.import') && <Button onClick={() => setImporting(true)}>从 Excel 导入</Button>}
        <Button onClick={() => void exportAll()}>导出 Excel</Button>
        <Typography.Text type="secondary">投诉人姓名和电话仅对承办人完整显示，列表和导出中均已遮盖。</Typography.Text>
      </Space>
      <Table<ComplaintRow>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1500 }}
        columns={[
          { title: '受理日期', dataIndex: 'receivedOn', width: 100 },
          {
            title: '状态',
            width: 220,
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag>{complaintStateLabels[r.state]}</Tag>
                {deadlineTag(r)}
                {r.substantiated === true && <Tag color="red">查实</Tag>}
                {r.substantiated === false && <Tag>不属实</Tag>}
                {r.clueId !== null && <Tag color="magenta">已转问责线索</Tag>}
              </Space>
            ),
          },
          { title: '渠道', width: 90, render: (_, r) => complaintChannelLabels[r.channel] },
          { title: '被投诉单位', dataIndex: 'unitName', width: 150 },
          { title: '类别', width: 90, render: (_, r) => complaintCategoryLabels[r.category] },
          { title: '投诉内容', dataIndex: 'content', ellipsis: true, width: 260 },
          {
            title: '投诉人',
            width: 150,
            render: (_, r) => [r.complainantName, r.complainantPhone].filter(Boolean).join(' '),
          },
          { title: '承办人', dataIndex: 'handler', width: 80 },
          { title: '期限', dataIndex: 'deadline', width: 100 },
          {
            title: '操作',
            width: 220,
            render: (_, r) => (
              <Space size={0}>
                {can('complaints.save') && r.state === 'open' && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    修改
                  </Button>
                )}
                {can('complaints.conclude') && r.state === 'open' && (
                  <Button size="small" type="link" onClick={() => setConcluding(r)}>
                    办结
                  </Button>
                )}
                {can('complaints.reopen') && r.state === 'closed' && (
                  <Button size="small" type="link" onClick={() => reopen(r)}>
                    重新办理
                  </Button>
                )}
                {can('complaints.toClue') && r.clueId === null && (
                  <Popconfirm
                    title="转为问责线索"
                    description="这件投诉将成为一条问责线索，由责任追究模块研判。确定吗？"
                    okText="转为线索"
                    cancelText="取消"
                    onConfirm={() => void toClue.run({ id: r.id })}
                  >
                    <Button size="small" type="link" danger>
                      转为问责线索
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <ComplaintForm row={editing === 'new' ? null : editing} me={me} onClose={() => setEditing(null)} />}
      {concluding && <ConcludeModal row={concluding} onClose={() => setConcluding(null)} />}
      <ImportWizard kind={importKind} open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
