import { Button, Table, Tag } from 'antd';
import type { ChannelOutput } from '../../../electron/contract';
import { rectificationStateLabels } from '../../../electron/contract/labels';
import { deadlineTag } from '../progress/BoardTab';

type Item = ChannelOutput<'audits.list'>[number]['items'][number];

/**
 * The items of an audit or a meeting; they are done and verified on 进展督查 → 限期整改 like every rectification. With
 * `onClue`, an open item not yet escalated offers 转为问责线索 (a meeting's action item, on its unit).
 */
export function ItemsTable({ items, onClue }: { items: Item[]; onClue?: (item: Item) => void }) {
  return (
    <Table<Item>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={false}
      locale={{ emptyText: '尚无事项' }}
      columns={[
        { title: '责任单位', dataIndex: 'unitName', width: 160 },
        { title: '事项', dataIndex: 'item', ellipsis: true },
        { title: '时限', dataIndex: 'deadline', width: 110 },
        {
          title: '状态',
          width: 220,
          render: (_, r) => (
            <>
              <Tag>{rectificationStateLabels[r.state]}</Tag>
              {deadlineTag(r)}
              {r.escalated && <Tag color="magenta">已转问责线索</Tag>}
            </>
          ),
        },
        ...(onClue
          ? [
              {
                title: '操作',
                width: 120,
                render: (_: unknown, r: Item) =>
                  r.state === 'open' &&
                  !r.escalated && (
                    <Button size="small" type="link" danger onClick={() => onClue(r)}>
                      转为问责线索
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
