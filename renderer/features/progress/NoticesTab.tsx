import { App, Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { noticeKindLabels, noticeStateLabels, type NoticeKindName } from '../../../electron/contract/labels';
import { call, errorMessage } from '../../api/client';
import { downloadBase64, uploadFile } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';

import { useAskText } from '../../shared/use-ask-text';
import { UnitSelect } from '../../shared/UnitSelect';
import { DocumentPreview } from '../plans/DocumentPreview';
import { NoticeForm } from './NoticeForm';
import { deadlineTag, type NoticeRow } from './BoardTab';

/** Every notice: open the document, record a reply (late ones marked), review it, grant an extension, close. */
export function NoticesTab() {
  const can = useCan();
  const list = useCall('notices.list', {});
  const [preview, setPreview] = useState<NoticeRow | null>(null);
  const [acting, setActing] = useState<{ n: NoticeRow; what: 'reply' | 'extend' } | null>(null);
  const [byHand, setByHand] = useState<{ id: number; name: string } | null>(null);
  const accept = useAction('notices.review', { done: '回复已认可' });
  const close = useAction('notices.close', { done: '已办结' });
  const askText = useAskText();
  const returnIt = (n: NoticeRow) =>
    askText({
      title: '退回重报',
      label: '退回原因',
      placeholder: '退回原因（必填）',
      okText: '退回',
      channel: 'notices.review',
      input: (note) => ({ noticeId: n.id, accept: false, note }),
      done: '已退回，等待重新回复',
    });

  return (
    <>
      {can('notices.create') && (
        <Space style={{ marginBottom: 12 }}>
          <UnitSelect
            placeholder="选择单位后发通知书"
            style={{ width: 260 }}
            value={null}
            onChange={(id, o) => {
              const unit = Array.isArray(o) ? undefined : o?.unit;
              if (typeof id === 'number' && unit) setByHand({ id, name: unit.name });
            }}
            data-testid="notice-unit"
          />
        </Space>
      )}
      {byHand && (
        <NoticeForm
          unitId={byHand.id}
          unitName={byHand.name}
          reason=""
          onClose={() => setByHand(null)}
          onDone={() => setByHand(null)}
        />
      )}
      <Table<NoticeRow>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        expandable={{
          rowExpandable: (n) => n.replies.length > 0,
          expandedRowRender: (n) => <Replies notice={n} />,
        }}
        columns={[
          { title: '文号', dataIndex: 'number', width: 150 },
          { title: '种类', dataIndex: 'kind', width: 110, render: (k: NoticeKindName) => noticeKindLabels[k] },
          { title: '单位', dataIndex: 'unitName', width: 150 },
          {
            title: '期限',
            dataIndex: 'deadline',
            width: 110,
            render: (d: string, n) => (n.extendedTo ? `${d}（已延期）` : d),
          },
          {
            title: '状态',
            width: 220,
            render: (_, n) => (
              <Space size={4}>
                <Tag>{noticeStateLabels[n.state]}</Tag>
                {deadlineTag(n)}
                {n.replies.some((r) => r.late) && <Tag color="volcano">逾期回复</Tag>}
              </Space>
            ),
          },
          { title: '事由', dataIndex: 'reason', ellipsis: true },
          {
            title: '操作',
            width: 280,
            render: (_, n) => (
              <Space size={0} wrap>
                {n.documentId && (
                  <Button size="small" type="link" onClick={() => setPreview(n)}>
                    文书
                  </Button>
                )}
                {(n.state === 'issued' || n.state === 'returned') && (
                  <>
                    {can('notices.reply') && (
                      <Button size="small" type="link" onClick={() => setActing({ n, what: 'reply' })}>
                        登记回复
                      </Button>
                    )}
                    {can('notices.extend') && (
                      <Button size="small" type="link" onClick={() => setActing({ n, what: 'extend' })}>
                        延期
                      </Button>
                    )}
                  </>
                )}
                {can('notices.review') && n.state === 'replied' && (
                  <>
                    <Button size="small" type="link" onClick={() => accept.run({ noticeId: n.id, accept: true })}>
                      认可
                    </Button>
                    <Button size="small" type="link" danger onClick={() => returnIt(n)}>
                      退回重报
                    </Button>
                  </>
                )}
                {can('notices.close') && n.state === 'accepted' && (
                  <Button size="small" type="link" onClick={() => close.run({ noticeId: n.id })}>
                    办结
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {preview && preview.documentId && (
        <DocumentPreview id={preview.documentId} title={`${preview.number}`} onClose={() => setPreview(null)} />
      )}
      {acting && (
        <ActModal notice={acting.n} what={acting.what} onClose={() => setActing(null)} onDone={() => setActing(null)} />
      )}
    </>
  );
}

/** The replies to a notice, oldest first, each with its evidence (upload while the notice is open). */
function Replies({ notice }: { notice: NoticeRow }) {
  const { message } = App.useApp();
  const can = useCan();
  const attaching = useAction('notices.attach');
  const attach = async (replyId: number, f: File) => {
    try {
      await attaching.run({ replyId, ...(await uploadFile('attachment', f)) }, `已上传“${f.name}”`);
    } catch (e) {
      message.error(errorMessage(e));
    }
    return false;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {notice.replies.map((r) => (
        <div key={r.id}>
          <Space wrap>
            <Tag>{r.repliedOn}</Tag>
            {r.late && <Tag color="volcano">逾期回复</Tag>}
            {r.reviewNote && <Tag color="orange">审核意见：{r.reviewNote}</Tag>}
            {r.attachments.map((a) => (
              <Button
                key={a.id}
                size="small"
                type="link"
                onClick={() =>
                  call('notices.download', { attachmentId: a.id }).then(
                    (f) => downloadBase64(f.fileName, f.base64),
                    (e: unknown) => message.error(errorMessage(e)),
                  )
                }
              >
                {a.name}
              </Button>
            ))}
            {can('notices.attach') && notice.state !== 'closed' && (
              <Upload showUploadList={false} beforeUpload={(f) => attach(r.id, f)}>
                <Button size="small" loading={attaching.busy}>
                  上传材料
                </Button>
              </Upload>
            )}
          </Space>
          <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{r.content}</div>
        </div>
      ))}
    </Space>
  );
}

function ActModal({
  notice,
  what,
  onClose,
  onDone,
}: {
  notice: NoticeRow;
  what: 'reply' | 'extend';
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm();
  const reply = useAction('notices.reply', {
    form,
    done: (r) => (r.replies.at(-1)?.late ? '已登记（逾期回复，已标注）' : '已登记回复'),
  });
  const extend = useAction('notices.extend', { form, done: '已延期' });
  const busy = reply.busy || extend.busy;
  const submit = async () => {
    const v = (await form.validateFields()) as { date: Dayjs; content?: string; to?: Dayjs; reason?: string };
    const date = v.date.format('YYYY-MM-DD');
    const to = v.to?.format('YYYY-MM-DD') ?? '';
    const done =
      what === 'reply'
        ? await reply.run({ noticeId: notice.id, content: v.content ?? '', repliedOn: date })
        : await extend.run({ noticeId: notice.id, requestedOn: date, to, reason: v.reason ?? '' });
    if (done) onDone();
  };
  return (
    <Modal
      open
      title={`${what === 'reply' ? '登记回复' : '延期申请'}：${notice.number ?? ''}`}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      maskClosable={false}
    >
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item
          name="date"
          label={what === 'reply' ? '回复日期' : '申请日期'}
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {what === 'reply' ? (
          <Form.Item
            name="content"
            label="回复内容"
            rules={[
              { required: true, whitespace: true, message: '请填写回复内容' },
              { max: 5000, message: '不能超过 5000 个字' },
            ]}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="to"
              label={`延至（现期限 ${notice.deadline}）`}
              rules={[{ required: true, message: '请选择延至日期' }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="reason"
              label="延期理由"
              rules={[
                { required: true, whitespace: true, message: '请填写理由' },
                { max: 500, message: '不能超过 500 个字' },
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
