import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../electron/contract';
import { noticeKindLabels, noticeKinds, type NoticeKindName } from '../../../electron/contract/labels';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { DOCX_MIME } from '../plans/DocumentPreview';
import { useCall } from '../../api/use-call';
import { UnitSelect } from '../../shared/UnitSelect';
import { BoardSupervision } from '../supervision-web/BoardSupervision';

export type NoticeRow = ChannelOutput<'notices.list'>[number];

export const deadlineTag = (n: Pick<NoticeRow, 'deadlineState' | 'daysLeft'>) =>
  n.deadlineState === 'overdue' ? (
    <Tag color="red">逾期 {-(n.daysLeft ?? 0)} 个工作日</Tag>
  ) : n.deadlineState === 'soon' ? (
    <Tag color="gold">{n.daysLeft === 0 ? '今天到期' : `剩 ${n.daysLeft} 个工作日`}</Tag>
  ) : n.deadlineState === 'ok' ? (
    <Tag color="green">剩 {n.daysLeft} 个工作日</Tag>
  ) : null;

type Board = ChannelOutput<'board.list'>;
type Due = 'overdue' | 'soon' | 'ok';
type RectRow = Board['rectifications'][number];
type ClockRow = Board['accountability'][number];

const dueOptions: { value: Due; label: string }[] = [
  { value: 'overdue', label: '逾期' },
  { value: 'soon', label: '3 个工作日内到期' },
  { value: 'ok', label: '未到期' },
];
const rowClass = (r: { deadlineState: Due | null }) =>
  r.deadlineState === 'overdue' ? 'kaoping-row-overdue' : r.deadlineState === 'soon' ? 'kaoping-row-soon' : '';
/** The counts per unit, a page at a time. */
const UNITS_PER_PAGE = 20;
const sortKeys = { deadline: 'deadline', unitName: 'unit', kind: 'kind' } as const;

/**
 * The overdue board: every open item with a deadline, red when late, yellow within 3 working days; who owns it.
 * The server filters, counts and pages: the page on screen is all that travels.
 */
export function BoardTab() {
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [kind, setKind] = useState<NoticeKindName | undefined>();
  const [due, setDue] = useState<Due | undefined>();
  const [leader, setLeader] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ by: 'deadline' | 'unit' | 'kind'; order: 'asc' | 'desc' }>({
    by: 'deadline',
    order: 'asc',
  });
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [rectPage, setRectPage] = useState(1);
  const [unitPage, setUnitPage] = useState(1);
  const [fetching, setFetching] = useState(false);
  const filters = {
    ...(unitId ? { unitId } : {}),
    ...(kind ? { kind } : {}),
    ...(leader ? { leader } : {}),
    ...(search ? { search } : {}),
  };
  const input: ChannelInput<'board.list'> = {
    ...filters,
    ...(due ? { due: [due] } : {}),
    sort: sort.by,
    order: sort.order,
    offset: (page.current - 1) * page.size,
    limit: page.size,
    rectOffset: (rectPage - 1) * page.size,
    unitOffset: (unitPage - 1) * UNITS_PER_PAGE,
    unitLimit: UNITS_PER_PAGE,
  };
  const board = useCall('board.list', input);
  // a new filter starts again from the first page
  const refilter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage((p) => ({ ...p, current: 1 }));
      setRectPage(1);
      setUnitPage(1);
    };
  // the printed list is a document (Word/WPS): every overdue and due-soon item matching the filters, not the page
  const print = async () => {
    if (due === 'ok') {
      message.info('“未到期”的事项不在本周清单中；请选择“逾期”“3 个工作日内到期”或全部期限。');
      return;
    }
    setFetching(true);
    try {
      const f = await call('board.print', {
        ...filters,
        ...(due ? { due: [due] } : {}),
        sort: sort.by,
        order: sort.order,
      });
      downloadBase64(f.fileName, f.base64, DOCX_MIME);
      message.success(`已生成 ${f.fileName}，请用 Word 或 WPS 打开打印`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setFetching(false);
    }
  };
  const shown = board.data;
  const counts = board.data?.counts;
  const rects = shown?.rectifications ?? [];

  return (
    <div className="kaoping-board">
      {board.error && <Alert type="error" showIcon message={board.error} />}
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="逾期" value={counts?.overdue ?? 0} valueStyle={{ color: '#cf1322' }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="3 个工作日内到期" value={counts?.soon ?? 0} valueStyle={{ color: '#d48806' }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="未办结" value={counts?.open ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="今天" value={board.data?.today ?? ''} />
          </Card>
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 12 }} className="kaoping-noprint">
        <UnitSelect
          allowClear
          includeInactive
          placeholder="全部单位"
          style={{ width: 220 }}
          value={unitId}
          onChange={refilter((v) => setUnitId(v as number | undefined))}
        />
        <Select
          allowClear
          placeholder="全部种类"
          style={{ width: 150 }}
          value={kind}
          onChange={refilter(setKind)}
          options={noticeKinds.map((k) => ({ value: k, label: noticeKindLabels[k] }))}
        />
        <Select
          allowClear
          data-testid="board-due-filter"
          placeholder="全部期限"
          style={{ width: 170 }}
          value={due}
          onChange={refilter(setDue)}
          options={dueOptions}
        />
        <Input.Search
          allowClear
          placeholder="责任领导"
          style={{ width: 160 }}
          onSearch={refilter((v: string) => setLeader(v.trim()))}
        />
        <Input.Search
          allowClear
          placeholder="文号、事由或单位"
          style={{ width: 200 }}
          onSearch={refilter((v: string) => setSearch(v.trim()))}
        />
        <Button icon={<PrinterOutlined />} loading={fetching} onClick={() => void print()}>
          打印本周清单
        </Button>
      </Space>
      <Table<NoticeRow>
        size="small"
        rowKey="id"
        loading={board.loading}
        dataSource={shown?.items ?? []}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: board.data?.total ?? 0,
          pageSizeOptions: [20, 50, 100, 200],
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 项`,
          hideOnSinglePage: true,
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const by = (s?.order && sortKeys[s.field as keyof typeof sortKeys]) || 'deadline';
          const order = s?.order === 'descend' ? 'desc' : 'asc';
          if (by !== sort.by || order !== sort.order) refilter(setSort)({ by, order });
        }}
        sortDirections={['ascend', 'descend']}
        rowClassName={rowClass}
        columns={[
          { title: '期限', width: 110, dataIndex: 'deadline', sorter: true, sortOrder: sortOrderOf(sort, 'deadline') },
          { title: '剩余', width: 150, render: (_, r) => deadlineTag(r) },
          { title: '单位', dataIndex: 'unitName', width: 160, sorter: true, sortOrder: sortOrderOf(sort, 'unit') },
          {
            title: '种类',
            dataIndex: 'kind',
            width: 110,
            sorter: true,
            sortOrder: sortOrderOf(sort, 'kind'),
            render: (k: NoticeKindName) => noticeKindLabels[k],
          },
          { title: '文号', dataIndex: 'number', width: 150 },
          { title: '事由', dataIndex: 'reason', ellipsis: true },
          { title: '责任领导', dataIndex: 'leaderName', width: 90 },
        ]}
      />
      {rects.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            整改事项
          </Typography.Title>
          <Table<RectRow>
            size="small"
            rowKey="id"
            dataSource={rects}
            pagination={{
              current: rectPage,
              pageSize: page.size,
              total: board.data?.rectTotal ?? 0,
              showSizeChanger: false,
              showTotal: (n) => `共 ${n} 项`,
              hideOnSinglePage: true,
              onChange: setRectPage,
            }}
            rowClassName={rowClass}
            columns={[
              { title: '期限', dataIndex: 'deadline', width: 110 },
              { title: '剩余', width: 150, render: (_, r) => deadlineTag(r) },
              { title: '单位', dataIndex: 'unitName', width: 160 },
              { title: '整改事项', dataIndex: 'item', ellipsis: true },
              { title: '通知书', dataIndex: 'number', width: 150 },
            ]}
          />
        </>
      )}
      <BoardSupervision rows={shown?.supervision ?? []} />
      {(shown?.accountability.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            问责期限
          </Typography.Title>
          <Table<ClockRow>
            size="small"
            rowKey={(r) => `${r.kind}:${r.number}:${r.reviewId ?? ''}`}
            dataSource={shown!.accountability}
            pagination={false}
            rowClassName={rowClass}
            columns={[
              { title: '期限', dataIndex: 'deadline', width: 110 },
              { title: '剩余', width: 150, render: (_, r) => deadlineTag(r) },
              { title: '单位', dataIndex: 'unitName', width: 160 },
              { title: '事项', render: (_, r) => `${r.what}：${r.subjectName}（${r.caseTitle}）` },
              { title: '决定文号', dataIndex: 'number', width: 170 },
            ]}
          />
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        各单位
      </Typography.Title>
      <Table
        size="small"
        rowKey="unitId"
        pagination={{
          current: unitPage,
          pageSize: UNITS_PER_PAGE,
          total: board.data?.unitTotal ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setUnitPage,
        }}
        dataSource={board.data?.perUnit ?? []}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          {
            title: '逾期',
            dataIndex: 'overdue',
            width: 80,
            render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
          },
          { title: '临期', dataIndex: 'soon', width: 80 },
          { title: '未办结', dataIndex: 'open', width: 80 },
        ]}
      />
    </div>
  );
}

function sortOrderOf(sort: { by: string; order: 'asc' | 'desc' }, by: string) {
  return sort.by === by ? (sort.order === 'desc' ? 'descend' : 'ascend') : null;
}
