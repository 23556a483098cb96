import { Button, Card, Col, Descriptions, Empty, Input, Popconfirm, Row, Space, Tag, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { unitKindLabels } from '../../../electron/contract/labels';
import { call } from '../../api/client';
import { XLSX_MIME, downloadBase64 } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { CategoriesModal } from './CategoriesModal';
import { ImportWizard, type ImportKind } from '../../shared/ImportWizard';
import { PeopleTable } from './PeopleTable';
import { PersonDrawer } from './PersonDrawer';
import { buildTree, filterTree, type Unit } from './tree';
import { UnitForm } from './UnitForm';

/** 组织人员: the unit tree on the left, the chosen unit and its people on the right. */
export function OrgPage() {
  const can = useCan();
  const units = useCall('units.list', {});
  const categories = useCall('categories.list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<React.Key[] | null>(null);
  const [unitForm, setUnitForm] = useState<{ editing: Unit | null; parentId: number | null } | null>(null);
  const [person, setPerson] = useState<{ id: number | null } | null>(null);
  const [importing, setImporting] = useState<'units' | 'people' | null>(null);
  const [showCategories, setShowCategories] = useState(false);
  const setOwn = useAction('units.setOwn');
  const setActive = useAction('units.setActive');
  const exporting = useAction('units.export');

  const list = units.data ?? [];
  const tree = useMemo(() => buildTree(list), [list]);
  const filtered = useMemo(() => filterTree(tree, search), [tree, search]);
  const unit = list.find((u) => u.id === selected) ?? null;
  const categoryName = (id: number | null) => categories.data?.find((c) => c.id === id)?.name ?? '—';
  const exportUnits = async () => {
    const r = await exporting.run({});
    if (r) downloadBase64(r.fileName, r.base64, XLSX_MIME);
  };

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="340px">
        <Card
          title={`单位（${list.length}）`}
          size="small"
          extra={
            can('units.create') && (
              <Space size={4}>
                <Button size="small" onClick={() => setUnitForm({ editing: null, parentId: selected })}>
                  新建
                </Button>
                <Button size="small" onClick={() => setImporting('units')}>
                  导入
                </Button>
              </Space>
            )
          }
        >
          <Input.Search
            allowClear
            placeholder="按名称、简称或代码查找"
            onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 8 }}
          />
          {list.length === 0 && !units.loading ? (
            <Empty
              description={can('units.create') ? '还没有单位。可新建，或用“导入”从 Excel 导入单位名单。' : '还没有单位'}
            />
          ) : (
            <Tree
              height={600}
              virtual
              blockNode
              showLine
              treeData={filtered.nodes}
              selectedKeys={selected ? [selected] : []}
              expandedKeys={search ? filtered.expand : (expanded ?? tree.map((n) => n.key))}
              onExpand={(keys) => setExpanded(keys)}
              onSelect={(keys) => setSelected((keys[0] as number | undefined) ?? null)}
              titleRender={(n) => (
                <span style={{ color: n.unit.active ? undefined : '#aaa' }}>
                  {n.unit.name}
                  {!n.unit.active && '（已停用）'}
                  {n.unit.isOwn && (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      本单位
                    </Tag>
                  )}
                </span>
              )}
            />
          )}
          <Space style={{ marginTop: 8 }}>
            <Button size="small" type="link" loading={exporting.busy} onClick={exportUnits}>
              导出单位
            </Button>
            <Button size="small" type="link" onClick={() => setShowCategories(true)}>
              考核类别
            </Button>
          </Space>
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {unit && (
          <Card
            size="small"
            title={unit.name}
            style={{ marginBottom: 16 }}
            extra={
              can('units.update') && (
                <Space>
                  <Button size="small" onClick={() => setUnitForm({ editing: unit, parentId: unit.parentId })}>
                    编辑
                  </Button>
                  <Button size="small" onClick={() => setUnitForm({ editing: null, parentId: unit.id })}>
                    新建下级单位
                  </Button>
                  {!unit.isOwn && (
                    <Button size="small" onClick={() => setOwn.run({ id: unit.id }, `已把“${unit.name}”设为本单位`)}>
                      设为本单位
                    </Button>
                  )}
                  <Popconfirm
                    title={unit.active ? `停用“${unit.name}”？` : `启用“${unit.name}”？`}
                    description={unit.active ? '停用后不再参加考核，历史记录保留。' : undefined}
                    okText="确定"
                    cancelText="取消"
                    onConfirm={() =>
                      setActive.run({ id: unit.id, active: !unit.active }, unit.active ? '已停用' : '已启用')
                    }
                  >
                    <Button size="small" danger={unit.active}>
                      {unit.active ? '停用' : '启用'}
                    </Button>
                  </Popconfirm>
                </Space>
              )
            }
          >
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="代码">{unit.code}</Descriptions.Item>
              <Descriptions.Item label="简称">{unit.shortName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="类型">{unitKindLabels[unit.kind]}</Descriptions.Item>
              <Descriptions.Item label="考核类别">{categoryName(unit.categoryId)}</Descriptions.Item>
              <Descriptions.Item label="在册人员">{unit.people}</Descriptions.Item>
              <Descriptions.Item label="状态">{unit.active ? '启用' : '已停用'}</Descriptions.Item>
            </Descriptions>
          </Card>
        )}
        <Card size="small" title={unit ? `${unit.shortName ?? unit.name}的人员` : '全部人员'}>
          <PeopleTable
            key={selected ?? 'all'}
            unitId={selected}
            onOpen={(id) => setPerson({ id })}
            onAdd={() => setPerson({ id: null })}
            onImport={() => setImporting('people')}
          />
        </Card>
      </Col>
      {unitForm && categories.data && (
        <UnitForm
          units={list}
          categories={categories.data}
          editing={unitForm.editing}
          parentId={unitForm.parentId}
          onClose={() => setUnitForm(null)}
          onSaved={(id) => {
            setUnitForm(null);
            setSelected(id);
          }}
        />
      )}
      {person && (
        <PersonDrawer
          personId={person.id}
          unitId={selected}
          onClose={() => setPerson(null)}
          onSaved={() => setPerson(null)}
        />
      )}
      {importing && <ImportWizard kind={importKinds[importing]} open onClose={() => setImporting(null)} />}
      {showCategories && <CategoriesModal onClose={() => setShowCategories(false)} />}
    </Row>
  );
}

const importKinds: Record<'units' | 'people', ImportKind> = {
  units: {
    label: '单位',
    keyLabel: '单位代码',
    preview: (f) => call('units.importPreview', f),
    errors: (f) => call('units.importErrors', f),
    commit: 'units.import',
    template: () => call('units.template', {}),
  },
  people: {
    label: '人员',
    keyLabel: '人员',
    preview: (f) => call('people.importPreview', f),
    errors: (f) => call('people.importErrors', f),
    commit: 'people.import',
    template: () => call('people.template', {}),
  },
};
