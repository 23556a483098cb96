import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { type UnitKind, unitKindLabels, unitKinds } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { UnitSelect } from '../../shared/UnitSelect';
import { type Unit, descendants } from './tree';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  parentId?: number | null;
  categoryId?: number | null;
  sortOrder?: number;
}

/** Create a unit (under `parentId`) or edit one; the core checks codes and loops again. */
export function UnitForm({
  units,
  categories,
  editing,
  parentId,
  onClose,
  onSaved,
}: {
  units: Unit[];
  categories: ChannelOutput<'categories.list'>;
  editing: Unit | null;
  parentId: number | null;
  onClose(): void;
  onSaved(id: number): void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useAction('units.create', { form, done: (u) => `已新建“${u.name}”` });
  const update = useAction('units.update', { form, done: '已保存' });
  useEffect(() => {
    form.setFieldsValue(
      editing
        ? { ...editing, shortName: editing.shortName ?? undefined }
        : { code: '', name: '', kind: 'department', parentId, categoryId: null, sortOrder: 0 },
    );
  }, [editing, parentId, form]);

  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      ...v,
      shortName: v.shortName?.trim() || null,
      parentId: v.parentId ?? null,
      categoryId: v.categoryId ?? null,
    };
    const u = editing ? await update.run({ id: editing.id, ...fields }) : await create.run(fields);
    if (u) onSaved(u.id);
  };

  // a unit cannot move under itself or anything below it
  const banned = useMemo(() => (editing ? descendants(units, editing.id) : new Set<number>()), [units, editing]);
  return (
    <Modal
      open
      title={editing ? `编辑单位：${editing.name}` : '新建单位'}
      okText="保存"
      cancelText="取消"
      onOk={save}
      confirmLoading={create.busy || update.busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="code"
          label="单位代码"
          rules={[
            { required: true, message: '请填写单位代码' },
            { pattern: /^[A-Za-z0-9_-]+$/, message: '只能由字母、数字、短横线和下划线组成' },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="name"
          label="单位名称"
          rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="shortName" label="简称">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="kind" label="单位类型">
          <Select options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="parentId" label="上级单位">
          <UnitSelect allowClear includeInactive placeholder="（最上级）" disabledIds={banned} />
        </Form.Item>
        <Form.Item name="categoryId" label="考核类别">
          <Select
            allowClear
            placeholder="（不参加分类考核）"
            options={categories.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序">
          <InputNumber min={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
