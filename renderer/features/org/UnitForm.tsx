import { App, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useEffect } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { type UnitKind, unitKindLabels, unitKinds } from '../../../electron/contract/labels';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { type Unit, buildTree, descendants, type UnitNode } from './tree';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  parentId?: number | null;
  categoryId?: number | null;
  sortOrder?: number;
}

const toSelect = (nodes: UnitNode[], banned: Set<number>): object[] =>
  nodes.map((n) => ({ value: n.key, title: n.unit.name, disabled: banned.has(n.key), children: toSelect(n.children, banned) }));

/** Create a unit (under `parentId`) or edit one; the core checks codes and loops again. */
export function UnitForm({ units, categories, editing, parentId, onClose, onSaved }: {
  units: Unit[];
  categories: ChannelOutput<'categories.list'>;
  editing: Unit | null;
  parentId: number | null;
  onClose(): void;
  onSaved(id: number): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.setFieldsValue(
      editing
        ? { ...editing, shortName: editing.shortName ?? undefined }
        : { code: '', name: '', kind: 'department', parentId, categoryId: null, sortOrder: 0 },
    );
  }, [editing, parentId, form]);

  const save = async () => {
    const v = await form.validateFields();
    const fields = { ...v, shortName: v.shortName?.trim() || null, parentId: v.parentId ?? null, categoryId: v.categoryId ?? null };
    try {
      const u = editing ? await call('units.update', { id: editing.id, ...fields }) : await call('units.create', fields);
      message.success(editing ? '已保存' : `已新建“${u.name}”`);
      onSaved(u.id);
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(errorMessage(e));
    }
  };

  const banned = editing ? descendants(units, editing.id) : new Set<number>();
  return (
    <Modal open title={editing ? `编辑单位：${editing.name}` : '新建单位'} okText="保存" cancelText="取消" onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="code" label="单位代码" rules={[{ required: true, message: '请填写单位代码' }, { pattern: /^[A-Za-z0-9_-]+$/, message: '只能由字母、数字、短横线和下划线组成' }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="shortName" label="简称">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="kind" label="单位类型">
          <Select options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="parentId" label="上级单位">
          <TreeSelect allowClear showSearch treeNodeFilterProp="title" placeholder="（最上级）" treeData={toSelect(buildTree(units), banned)} treeDefaultExpandAll={units.length < 200} />
        </Form.Item>
        <Form.Item name="categoryId" label="考核类别">
          <Select allowClear placeholder="（不参加分类考核）" options={categories.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序">
          <InputNumber min={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
