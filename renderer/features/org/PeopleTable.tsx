import { Button, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { XLSX_MIME, downloadBase64 } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';

type Person = ChannelOutput<'people.list'>['rows'][number];

/** People of the selected unit (and below), paged by the core so 30,000 people stay quick. */
export function PeopleTable({
  unitId,
  onOpen,
  onAdd,
  onImport,
}: {
  unitId: number | null;
  onOpen(id: number): void;
  onAdd(): void;
  onImport(): void;
}) {
  const can = useCan();
  const exporting = useAction('people.export');
  const [search, setSearch] = useState('');
  const [sub, setSub] = useState(true);
  const [inactive, setInactive] = useState(false);
  const [page, setPage] = useState({ current: 1, size: 50 });
  const list = useCall('people.list', {
    ...(unitId ? { unitId } : {}),
    includeSubunits: sub,
    includeInactive: inactive,
    ...(search ? { search } : {}),
    offset: (page.current - 1) * page.size,
    limit: page.size,
  });

  const exportPeople = async () => {
    const r = await exporting.run(unitId ? { unitId } : {});
    if (r) downloadBase64(r.fileName, r.base64, XLSX_MIME);
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="姓名、编号或职务"
          style={{ width: 220 }}
          onSearch={(v) => {
            setSearch(v.trim());
            setPage({ ...page, current: 1 });
          }}
        />
        <Switch checked={sub} onChange={setSub} checkedChildren="含下级单位" unCheckedChildren="仅本单位" />
        <Switch checked={inactive} onChange={setInactive} checkedChildren="含已停用" unCheckedChildren="不含已停用" />
        {can('people.create') && (
          <Button type="primary" onClick={onAdd}>
            新增人员
          </Button>
        )}
        {can('people.import') && <Button onClick={onImport}>导入人员</Button>}
        <Button loading={exporting.busy} onClick={exportPeople}>
          导出人员
        </Button>
      </Space>
      <Table<Person>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: list.data?.total ?? 0,
          pageSizeOptions: [20, 50, 100, 200],
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 人`,
          onChange: (current, size) => setPage({ current, size }),
        }}
        scroll={{ y: 520 }}
        locale={{ emptyText: '没有人员。可新增，或从 Excel 导入。' }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            width: 100,
            render: (n: string, r) => (r.active ? n : <span style={{ color: '#999' }}>{n}（已停用）</span>),
          },
          {
            title: '单位',
            dataIndex: 'unitName',
            ellipsis: true,
            render: (n: string, r) =>
              r.parentUnitName ? (
                <span title={`${n}（${r.parentUnitName}）`}>
                  {n}
                  <Typography.Text type="secondary">（{r.parentUnitName}）</Typography.Text>
                </span>
              ) : (
                n
              ),
          },
          { title: '职务', dataIndex: 'post', width: 120 },
          { title: '职级', dataIndex: 'rank', width: 120 },
          {
            title: '',
            key: 'flags',
            width: 150,
            render: (_, r) => (
              <>
                {r.isUnitHead && <Tag color="red">行政首长</Tag>}
                {r.isLeader && !r.isUnitHead && <Tag color="gold">领导</Tag>}
              </>
            ),
          },
          { title: '编号', dataIndex: 'code', width: 100 },
        ]}
      />
    </div>
  );
}
