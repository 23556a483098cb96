import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, List, Row as GridRow, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { formatDateTime } from '../../shared/datetime';
import { useAskText } from '../../shared/use-ask-text';
import type { Row } from './diff';
import { RuleRowsTable } from './RuleRowsTable';
import { VersionHistory } from './VersionHistory';

type Detail = ChannelOutput<'rule-tables.get'>;

/** A new row: every column empty (the core says what must be filled). */
const blank = (d: Detail): Row =>
  Object.fromEntries(
    d.columns.map((c) => [
      c.key,
      c.type === 'bool'
        ? false
        : c.type === 'points' || c.type === 'count'
          ? 0
          : c.type === 'choice'
            ? (c.options?.[0] ?? '')
            : '',
    ]),
  );

/** One table: its rows in force (第 n 版), edited in place and saved with a reason as the next version. */
function TableDetail(p: { id: number }) {
  const can = useCan();
  const ask = useAskText();
  const d = useCall('rule-tables.get', { id: p.id });
  const [draft, setDraft] = useState<Row[] | null>(null);
  const version = d.data?.version.number;
  // a saved edit comes back as the next version: leave editing
  useEffect(() => setDraft(null), [version, p.id]);
  if (d.error) return <Alert type="error" showIcon message={d.error} />;
  if (!d.data) return <Spin />;
  const data = d.data;
  const editable = can('rule-tables.save') && data.table.own;
  const save = () =>
    ask({
      title: `保存为“${data.table.name}”第 ${data.version.number + 1} 版`,
      label: '修改理由',
      placeholder: '如：依据县考评委第3次会议决定调整扣分标准',
      okText: '保存新版本',
      channel: 'rule-tables.save',
      input: (reason) => ({ id: data.table.id, basedOn: data.version.number, rows: draft ?? [], reason }),
      done: '已保存为新版本；此前计算的结果仍保留原版本',
    });
  return (
    <Card
      title={
        <Space>
          {data.table.name}
          <Tag color="blue" data-testid="rule-version">
            第 {data.version.number} 版
          </Tag>
          {!data.table.own && <Tag>上级下发，只读</Tag>}
        </Space>
      }
      extra={
        editable &&
        (draft ? (
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => setDraft([...draft, blank(data)])}>
              添加规则
            </Button>
            <Button onClick={() => setDraft(null)}>放弃修改</Button>
            <Button type="primary" onClick={save} data-testid="rule-save">
              保存为新版本
            </Button>
          </Space>
        ) : (
          <Button icon={<EditOutlined />} onClick={() => setDraft(data.version.rows as Row[])} data-testid="rule-edit">
            修改规则
          </Button>
        ))
      }
    >
      <Typography.Paragraph type="secondary">
        现行第 {data.version.number} 版：{data.version.reason}（{data.version.editedBy}，
        {formatDateTime(data.version.editedAt)}）。每次保存生成新版本，旧版本保留；每个计分结果记录它所用的版本。
      </Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'rows',
            label: draft ? '修改中' : '现行规则',
            children: (
              <RuleRowsTable
                columns={data.columns}
                rows={draft ?? (data.version.rows as Row[])}
                required={data.required}
                editing={!!draft}
                onChange={setDraft}
              />
            ),
          },
          {
            key: 'history',
            label: '修改历史',
            children: <VersionHistory tableId={data.table.id} columns={data.columns} />,
          },
        ]}
      />
    </Card>
  );
}

/** 规则表: the editable, versioned tables the regulations' rules live in (考评员 edits, 领导 reads). */
export function RuleTablesPage() {
  const list = useCall('rule-tables.list', {});
  const [picked, setPicked] = useState<number | null>(null);
  const id = picked ?? list.data?.[0]?.id ?? null;
  return (
    <GridRow gutter={16} wrap={false}>
      <Col flex="260px">
        <Card size="small" title="规则表">
          {list.error && <Alert type="error" showIcon message={list.error} />}
          <List
            loading={list.loading && !list.data}
            dataSource={list.data ?? []}
            renderItem={(t) => (
              <List.Item
                onClick={() => setPicked(t.id)}
                style={{ cursor: 'pointer', background: t.id === id ? '#e6f4ff' : undefined, paddingInline: 8 }}
              >
                <List.Item.Meta
                  title={t.name}
                  description={
                    <Space size={4}>
                      <Tag>第 {t.currentVersion} 版</Tag>
                      {t.own ? <Tag color="green">本级</Tag> : <Tag>上级</Tag>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {id !== null && <TableDetail id={id} />}
      </Col>
    </GridRow>
  );
}
