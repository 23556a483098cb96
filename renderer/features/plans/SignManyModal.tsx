import { Alert, App, DatePicker, Form, Input, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { FormModal } from '../../shared/FormModal';
import { SigningFields } from './SigningFields';

type Letter = ChannelOutput<'letters.list'>[number];
type Failed = ChannelOutput<'letters.signMany'>['failed'];
/** What a row changes from the common values: empty means the common value. */
type Exception = { signedDate?: Dayjs | null; partyASigner?: string; partyBSigner?: string };

/**
 * Registers the signing of the selected letters at once: one date and one 甲方签字人 (from the settings) for
 * all, 乙方签字人 each unit's head; any row may differ. Rows the core refuses are listed with the reason.
 */
export function SignManyModal({
  planId,
  letters,
  onClose,
}: {
  planId: number;
  letters: Letter[];
  onClose(failed: Failed): void;
}) {
  const { modal } = App.useApp();
  const settings = useCall('settings.get', {});
  const [form] = Form.useForm();
  const [rows, setRows] = useState<Record<number, Exception>>({});
  const sign = useAction('letters.signMany', { form });
  const edit = (unitId: number, e: Exception) => setRows((r) => ({ ...r, [unitId]: { ...r[unitId], ...e } }));

  const submit = async () => {
    const v = (await form.validateFields()) as { signedDate: Dayjs; partyASigner: string };
    const missing = letters.filter((l) => !(rows[l.unitId]?.partyBSigner ?? l.head ?? '').trim());
    if (missing.length) {
      modal.warning({
        title: '请填写乙方签字人',
        content: `${missing.map((l) => l.unitName).join('、')}没有负责人，请在表中填写乙方签字人。`,
      });
      return;
    }
    const input = letters.map((l) => {
      const e = rows[l.unitId] ?? {};
      return {
        unitId: l.unitId,
        signedDate: (e.signedDate ?? v.signedDate).format('YYYY-MM-DD'),
        partyASigner: e.partyASigner?.trim() || v.partyASigner,
        partyBSigner: (e.partyBSigner ?? l.head ?? '').trim(),
      };
    });
    const r = await sign.run({ planId, rows: input }, '');
    if (!r) return;
    onClose(r.failed);
    const said = `已登记 ${r.signed.length} 份责任书的签订，目标任务已冻结`;
    if (r.failed.length === 0) modal.success({ title: '登记完成', content: said });
    else
      modal.warning({
        title: `${r.failed.length} 个单位未登记`,
        width: 560,
        content: (
          <div>
            <p>{said}；以下单位未登记：</p>
            <ul>
              {r.failed.map((f) => (
                <li key={f.unitId}>
                  {f.unitName}：{f.message}
                </li>
              ))}
            </ul>
          </div>
        ),
      });
  };

  if (!settings.data) return null;
  return (
    <FormModal
      title={`登记签订：已选 ${letters.length} 个单位`}
      okText="登记签订"
      width={820}
      busy={sign.busy}
      onOk={submit}
      onClose={() => onClose([])}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message="登记后这些单位的目标任务冻结，不能再修改（可逐个撤销签订）。表中可为个别单位改填日期或签字人。"
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 12 }}
        initialValues={{ signedDate: dayjs(), partyASigner: settings.data.letterPartyASigner || undefined }}
      >
        <SigningFields signerPlaceholder="可在系统设置中设默认值" />
      </Form>
      <Table<Letter>
        size="small"
        rowKey="unitId"
        dataSource={letters}
        pagination={false}
        scroll={{ y: 360 }}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '文号', dataIndex: 'number', width: 150 },
          {
            title: '乙方签字人',
            width: 140,
            render: (_, l) => (
              <Input
                size="small"
                aria-label={`${l.unitName}乙方签字人`}
                maxLength={30}
                value={rows[l.unitId]?.partyBSigner ?? l.head ?? ''}
                status={(rows[l.unitId]?.partyBSigner ?? l.head ?? '').trim() ? undefined : 'warning'}
                onChange={(e) => edit(l.unitId, { partyBSigner: e.target.value })}
              />
            ),
          },
          {
            title: '另填日期',
            width: 140,
            render: (_, l) => (
              <DatePicker
                size="small"
                aria-label={`${l.unitName}签订日期`}
                placeholder="同上"
                value={rows[l.unitId]?.signedDate ?? null}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                onChange={(d) => edit(l.unitId, { signedDate: d })}
              />
            ),
          },
          {
            title: '另填甲方签字人',
            width: 130,
            render: (_, l) => (
              <Input
                size="small"
                aria-label={`${l.unitName}甲方签字人`}
                placeholder="同上"
                maxLength={30}
                value={rows[l.unitId]?.partyASigner ?? ''}
                onChange={(e) => edit(l.unitId, { partyASigner: e.target.value })}
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">每个单位的签订各记一条审计日志。</Typography.Text>
    </FormModal>
  );
}
