import { Button, Card, Divider, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { docKindLabels, docKinds, levelLabels, levels } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';

type Settings = ChannelOutput<'settings.get'>;

/** The office's own name, letterhead and document numbering, the letter's clauses, the lock and backup clocks. */
export function UnitSettingsTab() {
  const current = useCall('settings.get', {});
  const [form] = Form.useForm<Settings>();
  const update = useAction('settings.update', { form, done: '已保存' });

  useEffect(() => {
    if (current.data)
      form.setFieldsValue({
        ...current.data,
        issuingBodies: current.data.issuingBodies.length ? current.data.issuingBodies : [''],
      });
  }, [current.data, form]);

  // the saved settings come back through settings.get, which the update refreshes
  const save = async (v: Settings) => {
    const bodies = (v.issuingBodies ?? []).map((b) => b?.trim()).filter(Boolean);
    await update.run({
      unitName: v.unitName,
      level: v.level,
      ...(bodies.length ? { issuingBodies: bodies } : {}),
      docPrefixes: v.docPrefixes,
      ...(v.signatory?.name && v.signatory?.title ? { signatory: v.signatory } : {}),
      ...(v.letterPartyA?.trim() ? { letterPartyA: v.letterPartyA } : {}),
      letterClauses: v.letterClauses,
      idleLockMinutes: v.idleLockMinutes,
      autoBackupHours: v.autoBackupHours,
      backupKeep: v.backupKeep,
    });
  };

  return (
    // the skeleton only until the first answer: a refresh after saving keeps the form on screen
    <Card loading={current.loading && !current.data}>
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
          公文
        </Divider>
        <Form.List name="issuingBodies">
          {(fields, { add, remove }) => (
            <Form.Item label="发文机关" extra="红头上印的机关名称；第一个为默认，联合发文可填多个">
              {fields.map((f, i) => (
                <Space key={f.key} style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={f.name} noStyle rules={[{ max: 40, message: '不能超过 40 个字' }]}>
                    <Input
                      placeholder={i === 0 ? '例如：某某县人民政府目标考评办公室' : '联合发文机关'}
                      style={{ width: 360 }}
                    />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>删除</Button>}
                </Space>
              ))}
              {fields.length < 5 && <Button onClick={() => add('')}>添加发文机关</Button>}
            </Form.Item>
          )}
        </Form.List>
        <Form.Item label="默认签发人">
          <Space>
            <Form.Item name={['signatory', 'name']} noStyle>
              <Input placeholder="姓名" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name={['signatory', 'title']} noStyle>
              <Input placeholder="职务，例如 主任" style={{ width: 200 }} />
            </Form.Item>
          </Space>
        </Form.Item>
        {docKinds.map((k) => (
          <Form.Item
            key={k}
            name={['docPrefixes', k]}
            label={`${docKindLabels[k]}代字`}
            rules={[{ required: true, message: '请填写发文代字' }]}
          >
            <Input style={{ width: 200 }} addonAfter="〔2026〕1号" />
          </Form.Item>
        ))}
        <Divider titlePlacement="start" plain>
          目标责任书
        </Divider>
        <Form.Item
          name="letterPartyA"
          label="甲方"
          extra="各单位对其负责的机关，例如“某某县人民政府”；不填时用第一个发文机关"
          rules={[{ max: 60, message: '不能超过 60 个字' }]}
        >
          <Input style={{ width: 360 }} />
        </Form.Item>
        {(
          [
            ['partyA', '甲方责任'],
            ['partyB', '乙方责任'],
            ['rewards', '考核与奖惩'],
            ['other', '其他'],
          ] as const
        ).map(([k, label]) => (
          <Form.Item
            key={k}
            name={['letterClauses', k]}
            label={label}
            rules={[
              { required: true, whitespace: true, message: '请填写' },
              { max: 1000, message: '不能超过 1000 个字' },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        ))}
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
