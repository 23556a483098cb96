import { Alert, Button, Card, Divider, Form, Input, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { docKindLabels, docKinds } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';

type Settings = ChannelOutput<'settings.get'>;

/** The evaluator's half (三员分立): what the office's documents say, and the letters' 甲方, signer and clauses. */
export function BusinessSettingsTab() {
  const current = useCall('settings.get', {});
  const [form] = Form.useForm<Settings>();
  const update = useAction('settings.updateBusiness', { form, done: '已保存' });

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
      ...(bodies.length ? { issuingBodies: bodies } : {}),
      docPrefixes: v.docPrefixes,
      ...(v.signatory?.name && v.signatory?.title ? { signatory: v.signatory } : {}),
      ...(v.letterPartyA?.trim() ? { letterPartyA: v.letterPartyA } : {}),
      letterPartyASigner: v.letterPartyASigner ?? '',
      letterClauses: v.letterClauses,
      ...(v.publicityContact ? { publicityContact: v.publicityContact } : {}),
      ...(v.transferFeedbackMonths ? { transferFeedbackMonths: v.transferFeedbackMonths } : {}),
    });
  };

  return (
    <Card loading={current.loading && !current.data}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="考评员设置公文与目标责任书的内容"
        description={`本单位名称（${current.data?.unitName || '尚未设置'}）、级别、锁屏和备份由系统管理员设置（三员分立）。修改甲方或条款后，已生成未签订的责任书需重新生成。`}
      />
      <Form form={form} labelCol={{ span: 5 }} wrapperCol={{ span: 14 }} onFinish={save}>
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
        <Form.Item
          name={['publicityContact', 'phone']}
          label="公示异议受理电话"
          extra="印在考核结果公示上"
          rules={[{ max: 40, message: '不能超过 40 个字' }]}
        >
          <Input style={{ width: 240 }} placeholder="例如 0000-1234567" />
        </Form.Item>
        <Form.Item
          name={['publicityContact', 'address']}
          label="公示异议受理地址"
          rules={[{ max: 100, message: '不能超过 100 个字' }]}
        >
          <Input style={{ width: 360 }} placeholder="例如 县政府大楼3楼302室（县考评办）" />
        </Form.Item>
        <Form.Item
          name="transferFeedbackMonths"
          label="移送反馈期限（月）"
          extra="移送处理书要求受移送机关反馈的期限，默认 3 个月；逾期未反馈的显示在逾期看板"
        >
          <InputNumber min={1} max={12} />
        </Form.Item>
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
        <Form.Item
          name="letterPartyASigner"
          label="甲方签字人"
          extra="登记签订时的默认值，个别单位可另填"
          rules={[{ max: 30, message: '不能超过 30 个字' }]}
        >
          <Input style={{ width: 200 }} placeholder="例如 张某某" />
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
        <Form.Item wrapperCol={{ offset: 5 }}>
          <Button type="primary" htmlType="submit" loading={update.busy}>
            保存
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
