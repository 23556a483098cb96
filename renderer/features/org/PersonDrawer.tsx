import { App, Button, Checkbox, DatePicker, Divider, Drawer, Form, Input, Space, Timeline, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { buildTree, type Unit, type UnitNode } from './tree';

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

const toSelect = (nodes: UnitNode[]): object[] => nodes.map((n) => ({ value: n.key, title: n.unit.name, disabled: !n.unit.active, children: toSelect(n.children) }));

/** Add or edit a person; a change of unit or post keeps the old post in the history below. */
export function PersonDrawer({ units, personId, unitId, canEdit, onClose, onSaved }: {
  units: Unit[];
  personId: number | null;
  unitId: number | null;
  canEdit: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [detail, setDetail] = useState<Detail | null>(null);

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
        form.setFieldsValue({ ...d, code: d.code ?? undefined, post: d.post ?? undefined, rank: d.rank ?? undefined, phone: d.phone ?? undefined, idNumber: undefined, duties: cur?.duties ?? '' });
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
    try {
      if (personId === null) await call('people.create', fields);
      else await call('people.update', { id: personId, ...fields });
      message.success('已保存');
      onSaved();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(errorMessage(e));
    }
  };

  return (
    <Drawer
      open
      width={520}
      title={personId === null ? '新增人员' : `人员：${detail?.name ?? ''}`}
      onClose={onClose}
      extra={
        canEdit && (
          <Button type="primary" onClick={save}>
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
          <TreeSelect showSearch treeNodeFilterProp="title" treeData={toSelect(buildTree(units))} />
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
          <Form.Item name="idNumber" label="身份证号" extra={detail?.idNumber ? `已登记：${detail.idNumber}（填写则替换）` : '可不填；只显示打码后的号码'}>
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
