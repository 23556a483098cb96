import { Alert, App, Button, Card, Empty, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import type { ChannelOutput } from '../../../electron/contract';
import {
  noticeKindLabels,
  noticeStateLabels,
  rectificationStateLabels,
  reportStateLabels,
  scoreSheetStateLabels,
} from '../../../electron/contract/labels';
import { errorMessage } from '../../api/client';
import { uploadFile } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useAskText } from '../../shared/use-ask-text';
import { deadlineTag } from './BoardTab';

type Todo = ChannelOutput<'todo.list'>;
type NoticeItem = Todo['notices'][number];
type ReportItem = Todo['due'][number];
type RectItem = Todo['rectifications'][number];

const quarterName = (q: number) => `第${['一', '二', '三', '四'][q - 1]}季度`;

/** His reply's evidence, shown and added while the reply waits for the office (a file as it is, 50 MB at most). */
function ReplyEvidence({ n }: { n: NoticeItem }) {
  const { message } = App.useApp();
  const attaching = useAction('notices.attach');
  const last = n.replies.at(-1);
  if (!last) return null;
  const attach = async (f: File) => {
    try {
      await attaching.run({ replyId: last.id, ...(await uploadFile('attachment', f)) }, `已上传“${f.name}”`);
    } catch (e) {
      message.error(errorMessage(e));
    }
    return false;
  };
  return (
    <Space wrap size={4}>
      {last.attachments.map((a) => (
        <Tag key={a.id}>{a.name}</Tag>
      ))}
      {n.canAttach && (
        <Upload showUploadList={false} beforeUpload={attach}>
          <Button size="small" loading={attaching.busy}>
            上传材料
          </Button>
        </Upload>
      )}
    </Space>
  );
}

/** Where the office's last review of a notice's reply left it: its note when it was returned. */
const lastNote = (n: NoticeItem) => n.replies.at(-1)?.reviewNote ?? null;

/**
 * 录入员的待办: what his unit owes the office, read for his own unit on the server — notices to answer with their
 * deadlines, reports returned with the reason, this quarter's reports, rectification items — and the answers.
 */
export function TodoHome({ onOpenReports }: { onOpenReports(quarter: number): void }) {
  const todo = useCall('todo.list', {});
  const askText = useAskText();
  if (todo.loading && !todo.data) return <Spin />;
  if (todo.error) return <Alert type="warning" showIcon message={todo.error} />;
  const t = todo.data!;

  const reply = (n: NoticeItem) =>
    askText({
      title: `回复${noticeKindLabels[n.kind]}：${n.number ?? ''}`,
      label: '回复内容',
      placeholder: '回复内容（必填）：逐项说明，回复日期为今天',
      okText: '提交回复',
      channel: 'notices.reply',
      input: (content) => ({ noticeId: n.id, content }),
      done: '已回复，等待考评办审核',
    });
  const done = (r: RectItem) =>
    askText({
      title: '登记整改完成',
      label: '整改情况',
      placeholder: '整改情况（必填），考评办核验',
      okText: '提交',
      channel: 'rectify.done',
      input: (note) => ({ id: r.id, doneOn: t.today, note }),
      done: '已登记完成，等待考评办核验',
    });
  const toReport = (r: ReportItem) => (
    <Button size="small" type="link" onClick={() => onOpenReports(r.quarter)}>
      {r.state === 'returned' ? '修改后重报' : '去填报'}
    </Button>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="todo-unit">
        {t.unitName} · 今天 {t.today}（{quarterName(t.quarter)}）
      </Typography.Text>
      {t.scoreSheets.length > 0 && (
        <Card size="small" title={`评分表（${t.scoreSheets.length} 份待报送）`} data-testid="todo-score-sheets">
          {t.scoreSheets.map((s) => (
            <div key={`${s.planId}-${s.body}`}>
              {s.year} 年 · {s.body}评分表：{scoreSheetStateLabels[s.state]}
              {s.returnReason && <Typography.Text type="danger">（退回原因：{s.returnReason}）</Typography.Text>}
              <Button size="small" type="link" href="#/scoring-entry">
                {s.state === 'returned' ? '修改后重报' : '去评分'}
              </Button>
            </div>
          ))}
        </Card>
      )}
      <Card size="small" title={`通知书（${t.notices.filter((n) => n.canReply).length} 份待回复）`}>
        <Table<NoticeItem>
          size="small"
          rowKey="id"
          dataSource={t.notices}
          pagination={false}
          locale={{ emptyText: <Empty description="没有待回复的问询、督办、整改通知书" /> }}
          columns={[
            { title: '文号', dataIndex: 'number', width: 150 },
            { title: '种类', width: 90, render: (_, n) => noticeKindLabels[n.kind] },
            {
              title: '事由与事项',
              render: (_, n) => (
                <div>
                  <div>{n.reason}</div>
                  {n.items.map((i, k) => (
                    <Typography.Text key={k} type="secondary" style={{ display: 'block' }}>
                      {k + 1}. {i.text}
                      {i.deadline ? `（时限 ${i.deadline}）` : ''}
                    </Typography.Text>
                  ))}
                  {n.state === 'returned' && lastNote(n) && (
                    <Typography.Text type="danger">退回原因：{lastNote(n)}</Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: '回复期限',
              width: 170,
              render: (_, n) => (
                <Space direction="vertical" size={2}>
                  {n.deadline}
                  {deadlineTag(n)}
                </Space>
              ),
            },
            { title: '状态', width: 120, render: (_, n) => <Tag>{noticeStateLabels[n.state]}</Tag> },
            {
              title: '操作',
              width: 150,
              render: (_, n) =>
                n.canReply ? (
                  <Button size="small" type="primary" onClick={() => reply(n)}>
                    回复
                  </Button>
                ) : (
                  <ReplyEvidence n={n} />
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={`退回的进展（${t.returned.length}）`}>
        <Table<ReportItem>
          size="small"
          rowKey={(r) => `${r.targetId}-${r.quarter}`}
          dataSource={t.returned}
          pagination={false}
          locale={{ emptyText: <Empty description="没有被退回的进展报告" /> }}
          columns={[
            { title: '季度', width: 150, render: (_, r) => `${r.year} 年${quarterName(r.quarter)}` },
            { title: '指标', dataIndex: 'indicatorName', width: 160 },
            { title: '目标', dataIndex: 'content', ellipsis: true },
            {
              title: '退回原因',
              dataIndex: 'returnReason',
              render: (v: string | null) => <Typography.Text type="danger">{v}</Typography.Text>,
            },
            { title: '操作', width: 110, render: (_, r) => toReport(r) },
          ]}
        />
      </Card>
      <Card size="small" title={`${quarterName(t.quarter)}待报送的进展（${t.due.length}）`}>
        <Table<ReportItem>
          size="small"
          rowKey={(r) => `${r.targetId}-${r.quarter}`}
          dataSource={t.due}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="本季度的进展都已报送" /> }}
          columns={[
            { title: '指标', dataIndex: 'indicatorName', width: 160 },
            { title: '目标', dataIndex: 'content', ellipsis: true },
            { title: '节点要求', width: 100, render: (_, r) => `${r.expected}%` },
            { title: '状态', width: 90, render: (_, r) => (r.state ? reportStateLabels[r.state] : '未填报') },
            { title: '操作', width: 110, render: (_, r) => toReport(r) },
          ]}
        />
      </Card>
      <Card size="small" title={`整改事项（${t.rectifications.filter((r) => r.canMarkDone).length} 项未完成）`}>
        <Table<RectItem>
          size="small"
          rowKey="id"
          dataSource={t.rectifications}
          pagination={false}
          locale={{ emptyText: <Empty description="没有未完成的整改事项" /> }}
          columns={[
            { title: '整改事项', dataIndex: 'item' },
            { title: '通知书', dataIndex: 'number', width: 150 },
            {
              title: '时限',
              width: 170,
              render: (_, r) => (
                <Space direction="vertical" size={2}>
                  {r.deadline}
                  {deadlineTag(r)}
                </Space>
              ),
            },
            {
              title: '状态',
              width: 200,
              render: (_, r) => (
                <Space direction="vertical" size={2}>
                  <Tag>{rectificationStateLabels[r.state]}</Tag>
                  {r.canMarkDone && r.verifyNote && (
                    <Typography.Text type="danger">核验未通过：{r.verifyNote}</Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: '操作',
              width: 110,
              render: (_, r) =>
                r.canMarkDone && (
                  <Button size="small" onClick={() => done(r)}>
                    登记完成
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
