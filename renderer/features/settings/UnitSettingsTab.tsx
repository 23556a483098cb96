import { Alert, Button, Card, Divider, Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { levelLabels, levels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';

type Settings = ChannelOutput<'settings.get'>;

/** The administrator's half (三员分立): the installation's name and level, the lock and backup clocks. */
export function UnitSettingsTab() {
  const current = useCall('settings.get', {});
  const [form] = Form.useForm<Settings>();
  const update = useAction('settings.update', { form, done: '已保存' });

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);

  // the saved settings come back through settings.get, which the update refreshes
  const save = async (v: Settings) => {
    await update.run({
      unitName: v.unitName,
      level: v.level,
      idleLockMinutes: v.idleLockMinutes,
      autoBackupHours: v.autoBackupHours,
      backupKeep: v.backupKeep,
    });
  };

  return (
    // the skeleton only until the first answer: a refresh after saving keeps the form on screen
    <Card loading={current.loading && !current.data}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="系统管理员设置本单位名称、级别和安全与备份"
        description="按三员分立，发文机关、发文代字、签发人和目标责任书的甲方、签字人、条款属业务内容，由考评员在“系统设置 → 公文与责任书”中设置，系统管理员不能修改。"
      />
      <Form form={form} labelCol={{ span: 5 }} wrapperCol={{ span: 14 }} onFinish={save}>
        <Divider titlePlacement="start" plain>
          本单位
        </Divider>
        <Form.Item
          name="unitName"
          label="本单位名称"
          rules={[
            { required: true, whitespace: true, message: '请填写本单位名称' },
            { max: 60, message: '不能超过 60 个字' },
          ]}
          extra="用于页眉与公文落款，例如“某某县人民政府目标考评办公室”"
        >
          <Input placeholder="请输入本单位全称" />
        </Form.Item>
        <Form.Item name="level" label="本单位级别" rules={[{ required: true, message: '请选择级别' }]}>
          <Select options={levels.map((l) => ({ value: l, label: levelLabels[l] }))} style={{ width: 200 }} />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          安全与备份
        </Divider>
        <Form.Item name="idleLockMinutes" label="无操作锁屏" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={1} max={120} addonAfter="分钟" />
        </Form.Item>
        <Form.Item
          name="autoBackupHours"
          label="自动备份间隔"
          extra="0 表示不自动备份"
          rules={[{ required: true, message: '请填写' }]}
        >
          <InputNumber min={0} max={168} addonAfter="小时" />
        </Form.Item>
        <Form.Item name="backupKeep" label="保留自动备份" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={1} max={100} addonAfter="份" />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 5 }}>
          <Button type="primary" htmlType="submit" loading={update.busy}>
            保存
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
