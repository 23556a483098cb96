import { App, Button, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ChannelOutput } from '../../../electron/contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/use-call';
import { useAskText } from '../../shared/use-ask-text';
import { deadlineTag } from './BoardTab';

export type RectRow = ChannelOutput<'rectify.list'>[number];
const stateLabels: Record<RectRow['state'], string> = { open: '整改中', done: '已完成待核验', verified: '已核验' };

/** 限期整改: each item of a 整改通知书 to its deadline; done, verified (or sent back), an overdue one escalated as a clue. */
export function RectifyTab({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const list = useCall('rectify.list', {});
  const askText = useAskText();
  const ask = (title: string, placeholder: string, run: (text: string) => Promise<unknown>, done: string) => askText({ title, placeholder, okText: '确定', run, done, then: list.reload });
  return (
    <Table<RectRow>
      size="small"
      rowKey="id"
      loading={list.loading}
      dataSource={list.data ?? []}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      columns={[
        { title: '期限', dataIndex: 'deadline', width: 110 },
        { title: '状态', width: 230, render: (_, r) => <Space size={4}><Tag>{stateLabels[r.state]}</Tag>{deadlineTag(r)}{r.escalated && <Tag color="magenta">已转问责线索</Tag>}</Space> },
        { title: '单位', dataIndex: 'unitName', width: 150 },
        { title: '整改事项', dataIndex: 'item', ellipsis: true },
        { title: '通知书', dataIndex: 'number', width: 150 },
        {
          title: '操作',
          width: 230,
          render: (_, r) =>
            canEdit && (
              <Space size={0}>
                {r.state === 'open' && (
                  <Button size="small" type="link" onClick={() => ask('登记整改完成', '整改情况（必填）', (note) => call('rectify.done', { id: r.id, doneOn: dayjs().format('YYYY-MM-DD'), note }), '已登记完成，待核验')}>
                    登记完成
                  </Button>
                )}
                {r.state === 'done' && (
                  <>
                    <Button size="small" type="link" onClick={() => call('rectify.verify', { id: r.id, ok: true }).then(() => list.reload(), (e: unknown) => message.error(errorMessage(e)))}>
                      核验通过
                    </Button>
                    <Button size="small" type="link" danger onClick={() => ask('核验不通过', '原因（必填）', (note) => call('rectify.verify', { id: r.id, ok: false, note }), '已退回继续整改')}>
                      不通过
                    </Button>
                  </>
                )}
                {r.deadlineState === 'overdue' && !r.escalated && (
                  <Button size="small" type="link" danger onClick={() => ask('逾期整改转为问责线索', '理由（必填）', (reason) => call('rectify.escalate', { id: r.id, reason }), '已转为问责线索')}>
                    转问责线索
                  </Button>
                )}
              </Space>
            ),
        },
      ]}
    />
  );
}
