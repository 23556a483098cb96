import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { trainingCategory } from '../../../electron/vocab';
import { call } from '../../api/client';
import { act } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { ImportWizard, type ImportKind } from '../../shared/ImportWizard';
import { defaultYear, yearOptions } from './grades';
import { PersonPicker } from './PersonPicker';
import { TrainingForm } from './TrainingForm';

type Course = ChannelOutput<'training.list'>[number];

function Attendance({ course }: { course: Course }) {
  const can = useCan();
  const { message } = App.useApp();
  const [importing, setImporting] = useState(false);
  const list = useCall('training.attendance', { trainingId: course.id });
  const kind: ImportKind = {
    label: '培训参加人员',
    keyLabel: '人员',
    preview: (f) => call('training.importPreview', { trainingId: course.id, ...f }),
    commit: 'training.import',
    with: { trainingId: course.id },
    template: () => call('training.template', {}),
  };
  return (
    <Card size="small" title={`${course.title}：参加人员`}>
      {can('training.attend') && (
        <Space style={{ marginBottom: 8 }}>
          <PersonPicker
            value={null}
            placeholder="添加参加人员（姓名或编号）"
            onChange={(personId) =>
              personId &&
              void act(message, 'training.attend', { trainingId: course.id, personId }, { done: '已登记参加' })
            }
          />
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            从 Excel 导入
          </Button>
        </Space>
      )}
      {importing && <ImportWizard kind={kind} open onClose={() => setImporting(false)} />}
      <Table
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        loading={list.loading && !list.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '单位', dataIndex: 'unitName' },
          { title: '学时', dataIndex: 'hours', width: 70 },
          {
            title: '',
            key: 'ops',
            width: 60,
            render: (_, a) =>
              can('training.unattend') && (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() =>
                    void act(
                      message,
                      'training.unattend',
                      { trainingId: course.id, personId: a.personId },
                      { done: '已取消' },
                    )
                  }
                >
                  移除
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

function Summary({ year }: { year: number }) {
  const s = useCall('training.summary', { year });
  if (!s.data) return null;
  const d = s.data;
  return (
    <Card size="small" title={`${year}年培训学时（要求每人 ${d.required} 学时）`}>
      <Typography.Paragraph type="secondary">
        人均学时低于要求的单位排在前面；“未达要求”为学时不足 {d.required} 的人数。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="unitId"
        dataSource={d.units}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="training-units"
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '人数', dataIndex: 'people', width: 70 },
          { title: '总学时', dataIndex: 'hours', width: 90 },
          {
            title: '人均学时',
            dataIndex: 'average',
            width: 110,
            render: (v: number) => (v < d.required ? <Tag color="red">{v}（低于要求）</Tag> : v),
          },
          { title: '未达要求', dataIndex: 'below', width: 90 },
        ]}
      />
    </Card>
  );
}

/** 培训: the year's courses, who attended each, and hours against the yearly requirement. */
export function TrainingTab() {
  const can = useCan();
  const { message } = App.useApp();
  const [year, setYear] = useState(defaultYear);
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<number | null>(null);
  const list = useCall('training.list', { year });
  const course = list.data?.find((c) => c.id === picked);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space>
        <Select value={year} options={yearOptions} onChange={setYear} style={{ width: 120 }} aria-label="培训年度" />
        {can('training.save') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记培训
          </Button>
        )}
      </Space>
      {adding && <TrainingForm onClose={() => setAdding(false)} />}
      <Row gutter={12}>
        <Col span={course ? 13 : 24}>
          <Table<Course>
            size="small"
            rowKey="id"
            dataSource={list.data ?? []}
            loading={list.loading && !list.data}
            onRow={(c) => ({ onClick: () => setPicked(c.id), style: { cursor: 'pointer' } })}
            rowClassName={(c) => (c.id === picked ? 'ant-table-row-selected' : '')}
            locale={{ emptyText: <Empty description="本年度还没有登记培训" /> }}
            columns={[
              { title: '培训名称', dataIndex: 'title' },
              {
                title: '类别',
                dataIndex: 'category',
                width: 100,
                render: (c: Course['category']) => <Tag>{trainingCategory.label(c)}</Tag>,
              },
              { title: '起止日期', key: 'dates', width: 200, render: (_, c) => `${c.startDate} 至 ${c.endDate}` },
              { title: '学时', dataIndex: 'hours', width: 60 },
              { title: '人数', dataIndex: 'attendees', width: 60 },
              {
                title: '',
                key: 'ops',
                width: 60,
                render: (_, c) =>
                  can('training.remove') && (
                    <Popconfirm
                      title={`删除培训“${c.title}”及其 ${c.attendees} 条参加记录？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => act(message, 'training.remove', { id: c.id }, { done: '已删除' })}
                    >
                      <Button size="small" type="link" danger onClick={(e) => e.stopPropagation()}>
                        删除
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Col>
        {course && (
          <Col span={11}>
            <Attendance course={course} />
          </Col>
        )}
      </Row>
      <Summary year={year} />
    </Space>
  );
}
