import { App, Button, Checkbox, DatePicker, Divider, Drawer, Form, Input, Space, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { call, errorMessage } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useCan } from '../../app/can';
import { UnitSelect } from '../../shared/UnitSelect';

type Detail = ChannelOutput<'people.get'>;
interface Values {
  code?: string;
  name: string;
  unitId: number;
  post?: string;
  rank?: string;
  isLeader?: boolean;
  isUnitHead?: boolean;
  phone?: string;
  idNumber?: string;
  duties?: string;
  fromDate?: Dayjs;
}

/** Add or edit a person; a change of unit or post keeps the old post in the history below. */
export function PersonDrawer({
  personId,
  unitId,
  onClose,
  onSaved,
}: {
  personId: number | null;
  unitId: number | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [detail, setDetail] = useState<Detail | null>(null);
  const create = useAction('people.create', { form, done: '已保存' });
  const update = useAction('people.update', { form, done: '已保存' });
  const can = useCan();
  const canEdit = can(personId === null ? 'people.create' : 'people.update');

  useEffect(() => {
    if (personId === null) {
      setDetail(null);
      form.setFieldsValue({ unitId: unitId ?? undefined, isLeader: false, isUnitHead: false });
      return;
    }
    call('people.get', { id: personId }).then(
      (d) => {
        setDetail(d);
        const cur = d.posts.find((p) => p.toDate === null);
        form.setFieldsValue({
          ...d,
          code: d.code ?? undefined,
          post: d.post ?? undefined,
          rank: d.rank ?? undefined,
          phone: d.phone ?? undefined,
          idNumber: undefined,
          duties: cur?.duties ?? '',
        });
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  }, [personId, unitId, form, message]);

  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      code: v.code?.trim() || null,
      name: v.name,
      unitId: v.unitId,
      post: v.post?.trim() || null,
      rank: v.rank?.trim() || null,
      isLeader: !!v.isLeader,
      isUnitHead: !!v.isUnitHead,
      phone: v.phone?.trim() || null,
      ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
      duties: v.duties ?? '',
      ...(v.fromDate ? { fromDate: v.fromDate.format('YYYY-MM-DD') } : {}),
    };
    const saved = personId === null ? await create.run(fields) : await update.run({ id: personId, ...fields });
    if (saved) onSaved();
  };

  return (
    <Drawer
      open
      width={520}
      title={personId === null ? '新增人员' : `人员：${detail?.name ?? ''}`}
      onClose={onClose}
      extra={
        canEdit && (
          <Button type="primary" loading={create.busy || update.busy} onClick={save}>
            保存
          </Button>
        )
      }
    >
      <Form form={form} layout="vertical" requiredMark={false} disabled={!canEdit}>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="code" label="人员编号">
            <Input maxLength={32} />
          </Form.Item>
        </Space>
        <Form.Item name="unitId" label="所在单位" rules={[{ required: true, message: '请选择单位' }]}>
          <UnitSelect />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="post" label="职务">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="rank" label="职级">
            <Input maxLength={30} />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="isLeader" valuePropName="checked">
            <Checkbox>领导干部</Checkbox>
          </Form.Item>
          <Form.Item name="isUnitHead" valuePropName="checked">
            <Checkbox>行政首长（单位主要负责人）</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="duties" label="岗位职责">
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="fromDate" label="任职日期" extra="职务或单位变化时填写，原岗位记录截至此日">
          <DatePicker disabledDate={(d) => d.isAfter(dayjs().add(1, 'year'))} />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="phone" label="联系电话">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label="身份证号"
            extra={detail?.idNumber ? `已登记：${detail.idNumber}（填写则替换）` : '可不填；只显示打码后的号码'}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        </Space>
      </Form>
      {detail && (
        <>
          <Divider plain>任职记录</Divider>
          <Timeline
            items={detail.posts.map((p) => ({
              color: p.toDate ? 'gray' : 'green',
              children: (
                <div>
                  <b>
                    {p.unitName} · {p.post || '（未填职务）'}
                  </b>
                  <div>
                    {p.fromDate} 至 {p.toDate ?? '今'}
                  </div>
                  {p.duties && <div style={{ color: '#666', whiteSpace: 'pre-wrap' }}>{p.duties}</div>}
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
