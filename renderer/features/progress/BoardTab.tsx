import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { noticeKindLabels, noticeKinds, type NoticeKindName } from '../../../electron/contract/labels';
import { useCall } from '../../api/use-call';
import { UnitSelect } from '../../shared/UnitSelect';

export type NoticeRow = ChannelOutput<'notices.list'>[number];

export const deadlineTag = (n: Pick<NoticeRow, 'deadlineState' | 'daysLeft'>) =>
  n.deadlineState === 'overdue' ? (
    <Tag color="red">逾期 {-(n.daysLeft ?? 0)} 个工作日</Tag>
  ) : n.deadlineState === 'soon' ? (
    <Tag color="gold">{n.daysLeft === 0 ? '今天到期' : `剩 ${n.daysLeft} 个工作日`}</Tag>
  ) : n.deadlineState === 'ok' ? (
    <Tag color="green">剩 {n.daysLeft} 个工作日</Tag>
  ) : null;

/** The overdue board: every open item with a deadline, red when late, yellow within 3 working days; who owns it. */
export function BoardTab() {
  const [unitId, setUnitId] = useState<number | undefined>();
  const [kind, setKind] = useState<NoticeKindName | undefined>();
  const [leader, setLeader] = useState('');
  // printing shows every overdue and due-soon item on one list, not the page on screen
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    const t = setTimeout(() => {
      window.print();
      setPrinting(false);
    }, 50);
    return () => clearTimeout(t);
  }, [printing]);
  const board = useCall('board.list', {
    ...(unitId ? { unitId } : {}),
    ...(kind ? { kind } : {}),
    ...(leader ? { leader } : {}),
  });
  const items = board.data?.items ?? [];
  const rects = board.data?.rectifications ?? [];
  const all = [...items, ...rects];
  const overdue = all.filter((i) => i.deadlineState === 'overdue').length;
  const soon = all.filter((i) => i.deadlineState === 'soon').length;

  return (
    <div className="kaoping-board">
      {board.error && <Alert type="error" showIcon message={board.error} />}
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="逾期" value={overdue} valueStyle={{ color: '#cf1322' }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="3 个工作日内到期" value={soon} valueStyle={{ color: '#d48806' }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="未办结" value={all.length} />
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
          onChange={(v) => setUnitId(v as number | undefined)}
        />
        <Select
          allowClear
          placeholder="全部种类"
          style={{ width: 150 }}
          value={kind}
          onChange={setKind}
          options={noticeKinds.map((k) => ({ value: k, label: noticeKindLabels[k] }))}
        />
        <Input.Search allowClear placeholder="责任领导" style={{ width: 160 }} onSearch={(v) => setLeader(v.trim())} />
        <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
          打印本周清单
        </Button>
      </Space>
      <Typography.Title level={5} className="kaoping-printonly">
        逾期及临期事项清单（{board.data?.today}）
      </Typography.Title>
      <Table<NoticeRow>
        size="small"
        rowKey="id"
        loading={board.loading}
        dataSource={printing ? items.filter((i) => i.deadlineState !== 'ok') : items}
        pagination={
          printing
            ? false
            : { pageSize: 100, showSizeChanger: false, showTotal: (n) => `共 ${n} 项`, hideOnSinglePage: true }
        }
        rowClassName={(r) =>
          r.deadlineState === 'overdue' ? 'kaoping-row-overdue' : r.deadlineState === 'soon' ? 'kaoping-row-soon' : ''
        }
        columns={[
          { title: '期限', width: 110, dataIndex: 'deadline' },
          { title: '剩余', width: 150, render: (_, r) => deadlineTag(r) },
          { title: '单位', dataIndex: 'unitName', width: 160 },
          { title: '种类', dataIndex: 'kind', width: 110, render: (k: NoticeKindName) => noticeKindLabels[k] },
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
          <Table
            size="small"
            rowKey="id"
            dataSource={rects}
            pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
            rowClassName={(r) =>
              r.deadlineState === 'overdue'
                ? 'kaoping-row-overdue'
                : r.deadlineState === 'soon'
                  ? 'kaoping-row-soon'
                  : ''
            }
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
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        各单位
      </Typography.Title>
      <Table
        size="small"
        rowKey="unitId"
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
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
