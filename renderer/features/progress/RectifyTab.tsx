import { Button, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ChannelOutput } from '../../../electron/contract';
import { rectificationStateLabels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { useAskText } from '../../shared/use-ask-text';
import { deadlineTag } from './BoardTab';

export type RectRow = ChannelOutput<'rectify.list'>[number];
const stateLabels = rectificationStateLabels;

/** 限期整改: each item of a 整改通知书 to its deadline; done, verified (or sent back), an overdue one escalated as a clue. */
export function RectifyTab() {
  const can = useCan();
  const list = useCall('rectify.list', {});
  const verify = useAction('rectify.verify', { done: '核验通过' });
  const askText = useAskText();
  const done = (r: RectRow) =>
    askText({
      title: '登记整改完成',
      label: '整改情况',
      placeholder: '整改情况（必填）',
      okText: '确定',
      channel: 'rectify.done',
      input: (note) => ({ id: r.id, doneOn: dayjs().format('YYYY-MM-DD'), note }),
      done: '已登记完成，待核验',
    });
  const refuse = (r: RectRow) =>
    askText({
      title: '核验不通过',
      label: '原因',
      placeholder: '原因（必填）',
      okText: '确定',
      channel: 'rectify.verify',
      input: (note) => ({ id: r.id, ok: false, note }),
      done: '已退回继续整改',
    });
  const escalate = (r: RectRow) =>
    askText({
      title: '逾期整改转为问责线索',
      label: '理由',
      placeholder: '理由（必填）',
      okText: '确定',
      channel: 'rectify.escalate',
      input: (reason) => ({ id: r.id, reason }),
      done: '已转为问责线索',
    });
  return (
    <Table<RectRow>
      size="small"
      rowKey="id"
      loading={list.loading}
      dataSource={list.data ?? []}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      columns={[
        { title: '期限', dataIndex: 'deadline', width: 110 },
        {
          title: '状态',
          width: 230,
          render: (_, r) => (
            <Space size={4}>
              <Tag>{stateLabels[r.state]}</Tag>
              {deadlineTag(r)}
              {r.escalated && <Tag color="magenta">已转问责线索</Tag>}
            </Space>
          ),
        },
        { title: '单位', dataIndex: 'unitName', width: 150 },
        { title: '整改事项', dataIndex: 'item', ellipsis: true },
        { title: '通知书', dataIndex: 'number', width: 150 },
        {
          title: '操作',
          width: 230,
          render: (_, r) => (
            <Space size={0}>
              {can('rectify.done') && r.state === 'open' && (
                <Button size="small" type="link" onClick={() => done(r)}>
                  登记完成
                </Button>
              )}
              {can('rectify.verify') && r.state === 'done' && (
                <>
                  <Button size="small" type="link" onClick={() => verify.run({ id: r.id, ok: true })}>
                    核验通过
                  </Button>
                  <Button size="small" type="link" danger onClick={() => refuse(r)}>
                    不通过
                  </Button>
                </>
              )}
              {can('rectify.escalate') && r.deadlineState === 'overdue' && !r.escalated && (
                <Button size="small" type="link" danger onClick={() => escalate(r)}>
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
