import { Table, Tag, Typography } from 'antd';
import type { ChannelOutput } from '../../../electron/contract';
import { deadlineTag } from '../progress/BoardTab';

type Row = ChannelOutput<'board.list'>['supervision'][number];

/** The overdue board's part for the supervision web: complaints being handled, transfers awaiting feedback. */
export function BoardSupervision({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        投诉与移送反馈
      </Typography.Title>
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.kind}:${r.id}`}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: '期限', dataIndex: 'deadline', width: 110 },
          { title: '剩余', width: 150, render: (_, r) => deadlineTag(r) },
          { title: '单位', dataIndex: 'unitName', width: 160 },
          {
            title: '种类',
            width: 90,
            render: (_, r) => <Tag>{r.kind === 'complaint' ? '投诉' : '移送'}</Tag>,
          },
          { title: '事项', dataIndex: 'matter', ellipsis: true },
        ]}
      />
    </>
  );
}
