import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { call, errorMessage } from '../../api/client';
import { uploadFile } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';

type Preview = ChannelOutput<'calendar.preview'>;
const kindTag = (k: string) =>
  k === 'holiday' ? <Tag color="red">休</Tag> : k === 'workday' ? <Tag color="blue">班</Tag> : k;
const statusLabels: Record<string, React.ReactNode> = {
  new: <Tag color="green">新增</Tag>,
  changed: <Tag color="orange">修改</Tag>,
  same: <Tag>不变</Tag>,
  error: <Tag color="red">错误</Tag>,
};

/** Holidays and adjusted working days (调休) that every working-day deadline counts with. */
export function CalendarTab() {
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const days = useCall('calendar.list', { year });
  // a unit's own PC (unit mode) keeps the calendar its office sends down
  const fromAbove = useCall('system.info', {}).data?.unitMode ?? null;
  const [form] = Form.useForm<{ date: dayjs.Dayjs; kind: 'holiday' | 'workday'; note: string }>();
  const [preview, setPreview] = useState<{ fileName: string; uploadId: string; result: Preview } | null>(null);
  const set = useAction('calendar.set', { form });
  const remove = useAction('calendar.remove');
  const importing = useAction('calendar.import', { done: (r) => `已导入 ${r.written} 天` });

  const add = async (v: { date: dayjs.Dayjs; kind: 'holiday' | 'workday'; note?: string }) => {
    const added = await set.run({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, note: v.note ?? '' });
    if (added) form.resetFields(['date', 'note']);
  };

  const pick = async (file: File) => {
    try {
      const uploaded = await uploadFile('calendar', file);
      const result = await call('calendar.preview', uploaded);
      setPreview({ ...uploaded, result });
    } catch (e) {
      message.error(errorMessage(e));
    }
    return false;
  };

  const commit = async () => {
    if (preview && (await importing.run({ fileName: preview.fileName, uploadId: preview.uploadId }))) setPreview(null);
  };

  return (
    <Card
      title={
        <Space>
          <Select
            value={year}
            onChange={setYear}
            options={[-1, 0, 1].map((d) => ({
              value: new Date().getFullYear() + d,
              label: `${new Date().getFullYear() + d} 年`,
            }))}
          />
          <span>节假日与调休</span>
        </Space>
      }
      extra={
        !fromAbove && (
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={pick}>
            <Button icon={<UploadOutlined />}>从文件导入</Button>
          </Upload>
        )
      }
    >
      {fromAbove && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="calendar-from-above"
          message={`本机是“${fromAbove.unitName}”自己的电脑（单位模式）：节假日与调休由上级考评办设定，随数据包下发，本机不能修改。`}
        />
      )}
      <Form
        form={form}
        layout="inline"
        onFinish={add}
        initialValues={{ kind: 'holiday' }}
        style={{ marginBottom: 16, display: fromAbove ? 'none' : undefined }}
      >
        <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker placeholder="日期" />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            style={{ width: 140 }}
            options={[
              { value: 'holiday', label: '休（节假日）' },
              { value: 'workday', label: '班（调休上班）' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder="说明，如 国庆节" maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={set.busy}>
          添加
        </Button>
      </Form>
      <Table
        rowKey="date"
        size="small"
        loading={days.loading}
        dataSource={days.data ?? []}
        pagination={false}
        locale={{
          emptyText: fromAbove
            ? '上级尚未下发本年的节假日与调休：周一至周五为工作日。'
            : '本年尚未设置节假日与调休：周一至周五为工作日。可逐天添加，或从文件导入（列：日期、类型〔休/班〕、说明）。',
        }}
        columns={[
          { title: '日期', dataIndex: 'date', render: (d: string) => `${d}（${'日一二三四五六'[dayjs(d).day()]}）` },
          { title: '类型', dataIndex: 'kind', render: kindTag },
          { title: '说明', dataIndex: 'note' },
          ...(fromAbove
            ? []
            : [
                {
                  title: '',
                  key: 'x',
                  render: (_: unknown, r: { date: string }) => (
                    <Popconfirm
                      title={`删除 ${r.date}？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => remove.run({ date: r.date })}
                    >
                      <Button type="link" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]),
        ]}
      />
      <Modal
        open={!!preview}
        width={760}
        title={`导入预览：${preview?.fileName ?? ''}`}
        okText="确认导入"
        cancelText="取消"
        okButtonProps={{ disabled: !preview || preview.result.errors > 0, loading: importing.busy }}
        onOk={commit}
        onCancel={() => setPreview(null)}
      >
        {preview && preview.result.errors > 0 && (
          <p style={{ color: '#c0392b' }}>
            文件有 {preview.result.errors} 行错误，请修改文件后重新选择；有错误时不会导入任何内容。
          </p>
        )}
        <Table
          size="small"
          rowKey="row"
          pagination={{ pageSize: 8 }}
          dataSource={preview?.result.rows ?? []}
          columns={[
            { title: '行', dataIndex: 'row', width: 56 },
            { title: '日期', dataIndex: 'date' },
            { title: '类型', dataIndex: 'kind', render: kindTag },
            { title: '说明', dataIndex: 'note' },
            {
              title: '结果',
              dataIndex: 'status',
              render: (s: string, r: { message?: string }) => (
                <>
                  {statusLabels[s]} {r.message}
                </>
              ),
            },
          ]}
        />
      </Modal>
    </Card>
  );
}
