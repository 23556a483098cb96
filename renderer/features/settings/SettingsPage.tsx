import { App, Button, Card, Descriptions, Form, Input, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { levelLabels, levels, roleLabels } from '../../../electron/contract/labels';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/use-call';

type Basic = ChannelOutput<'settings.get'>;
const transportLabels = { electron: '桌面程序', web: '浏览器模式（本机）', cli: '命令行' } as const;

export function SettingsPage({ onSaved }: { onSaved(): void }) {
  const { message } = App.useApp();
  const basic = useCall('settings.get', {});
  const info = useCall('system.info', {});
  const [form] = Form.useForm<Basic>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (basic.data) form.setFieldsValue(basic.data);
  }, [basic.data, form]);

  const save = async (values: Basic) => {
    setSaving(true);
    try {
      const saved = await call('settings.update', values);
      form.setFieldsValue(saved);
      message.success('已保存');
      onSaved();
      info.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="本单位">
        <Form form={form} layout="horizontal" labelCol={{ span: 4 }} wrapperCol={{ span: 12 }} onFinish={save}>
          <Form.Item
            name="unitName"
            label="本单位名称"
            rules={[{ required: true, whitespace: true, message: '请填写本单位名称' }, { max: 60, message: '不能超过 60 个字' }]}
            extra="用于页眉与公文落款，例如“某某县人民政府目标考评办公室”"
          >
            <Input placeholder="请输入本单位全称" />
          </Form.Item>
          <Form.Item name="level" label="本单位级别" rules={[{ required: true, message: '请选择级别' }]}>
            <Select options={levels.map((l) => ({ value: l, label: levelLabels[l] }))} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 4 }}>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card title="系统信息" loading={info.loading}>
        {info.data && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="程序版本">{info.data.appVersion}</Descriptions.Item>
            <Descriptions.Item label="数据结构版本">{info.data.schemaVersion}</Descriptions.Item>
            <Descriptions.Item label="本机节点编号">{info.data.nodeId}</Descriptions.Item>
            <Descriptions.Item label="数据目录">{info.data.dataDir}</Descriptions.Item>
            <Descriptions.Item label="运行方式">{transportLabels[info.data.transport]}</Descriptions.Item>
            <Descriptions.Item label="当前身份">
              {info.data.caller.username} <Tag>{roleLabels[info.data.caller.role]}</Tag>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title="即将提供">
        <Tag>账号与角色</Tag>
        <Tag>安全审计日志</Tag>
        <Tag>文号代字与落款</Tag>
        <Tag>工作日历</Tag>
        <Tag>备份与恢复</Tag>
      </Card>
    </Space>
  );
}
