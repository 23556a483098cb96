import { Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { caseStateLabels, faultCategories, faultCategoryLabels } from '../../../electron/contract/labels';
import { useCall } from '../../api/use-call';

type Row = ChannelOutput<'cases.list'>[number];
type State = keyof typeof caseStateLabels;

export const caseStateColors: Record<State, string> = {
  opened: 'blue',
  investigating: 'blue',
  deliberating: 'purple',
  decided: 'purple',
  served: 'green',
  appealed: 'orange',
  executing: 'green',
  archived: 'default',
  revoked: 'default',
  terminated: 'default',
};

/** 问责案件 by state and category; a row opens the case. */
export function CasesTab({ onOpen }: { onOpen(id: number): void }) {
  const [state, setState] = useState<State>();
  const [category, setCategory] = useState<(typeof faultCategories)[number]>();
  const list = useCall('cases.list', { state, faultCategory: category });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="案件状态"
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          options={(Object.keys(caseStateLabels) as State[]).map((k) => ({ value: k, label: caseStateLabels[k] }))}
        />
        <Select
          allowClear
          placeholder="全部问责情形"
          aria-label="问责情形"
          style={{ width: 200 }}
          value={category}
          onChange={setCategory}
          options={faultCategories.map((k) => ({ value: k, label: faultCategoryLabels[k] }))}
        />
      </Space>
      <Table<Row>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: '立案日期', dataIndex: 'openedOn', width: 110 },
          {
            title: '案件名称',
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => onOpen(r.id)}>
                {r.title}
              </Button>
            ),
          },
          { title: '问责情形', width: 160, render: (_, r) => faultCategoryLabels[r.faultCategory] },
          { title: '被问责对象', dataIndex: 'subjects', width: 200, ellipsis: true },
          {
            title: '状态',
            width: 100,
            render: (_, r) => <Tag color={caseStateColors[r.state]}>{caseStateLabels[r.state]}</Tag>,
          },
          { title: '决定', dataIndex: 'decisions', width: 60 },
        ]}
      />
    </>
  );
}
