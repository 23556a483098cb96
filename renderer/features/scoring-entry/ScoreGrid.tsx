import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { indicatorKindLabels, scoringMethodLabels } from '../../../electron/contract/labels';
import { call, errorMessage } from '../../api/client';
import { XLSX_MIME, downloadBase64 } from '../../api/files';
import { useAction } from '../../api/use-action';
import { useCall } from '../../api/use-call';
import { ImportWizard } from '../../shared/ImportWizard';
import { useAskText } from '../../shared/use-ask-text';
import { SheetTag } from './SheetTag';
import { type Draft, type GridRow, NoteInput, ScoreInput, keyOf, localProblem, shownInput } from './score-input';

export type BodyRow = ChannelOutput<'scores.bodies'>['bodies'][number];

/**
 * One body's 评分表: its items × units a page at a time (a city's body has thousands of cells), filtered by item,
 * unit and what is still empty; typed inputs kept until saved; the unit's 自评 beside each; submit, return, Excel.
 */
export function ScoreGrid({ planId, body }: { planId: number; body: BodyRow }) {
  const { modal } = App.useApp();
  const askText = useAskText();
  const [indicatorId, setIndicatorId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [missing, setMissing] = useState(false);
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [importing, setImporting] = useState(false);
  const grid = useCall('scores.grid', {
    planId,
    body: body.body,
    ...(indicatorId ? { indicatorId } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(missing ? { missing } : {}),
    offset: (page.current - 1) * page.size,
    limit: page.size,
  });
  const save = useAction('scores.save', {
    done: (c) => `已保存：新增 ${c.created} 项，修改 ${c.updated} 项，清空 ${c.removed} 项`,
  });
  const submit = useAction('scores.submit', { done: '已报送，评分已锁定' });
  useEffect(() => setPage((p) => ({ ...p, current: 1 })), [indicatorId, search, missing]);

  const sheet = grid.data?.sheet ?? body;
  const items = useMemo(() => new Map((grid.data?.items ?? []).map((i) => [i.id, i])), [grid.data]);
  const rows = grid.data?.rows ?? [];
  const editable = sheet.canEdit;
  const changed = [...drafts.entries()];
  const bad = changed.filter(([k, d]) => {
    const r = rows.find((x) => keyOf(x) === k);
    return r && localProblem(r.points, d.input);
  });

  const setDraft = (r: GridRow, change: Partial<Draft>) =>
    setDrafts((m) => {
      const next = new Map(m);
      const before = m.get(keyOf(r)) ?? { input: shownInput(r, undefined, 'entry'), note: r.entry?.note ?? '' };
      next.set(keyOf(r), { ...before, ...change });
      return next;
    });

  const saveAll = async () => {
    const list = changed.map(([k, d]) => {
      const [indicatorId, unitId, targetId] = k.split(':').map(Number) as [number, number, number];
      return { indicatorId, unitId, targetId: targetId || null, input: d.input, note: d.note };
    });
    if (await save.run({ planId, body: body.body, rows: list })) setDrafts(new Map());
  };

  const confirmSubmit = () =>
    modal.confirm({
      title: `报送${sheet.label}的评分表？`,
      content: `已评 ${sheet.entered} / ${sheet.cells} 项。报送后评分即锁定，如需修改须由考评办退回。`,
      okText: '报送',
      cancelText: '取消',
      onOk: () => submit.run({ planId, body: body.body }),
    });

  const sendBack = () =>
    askText({
      title: `退回${sheet.label}的评分表`,
      label: '退回原因',
      placeholder: '退回原因（必填），考核责任单位会看到',
      okText: '退回',
      channel: 'scores.return',
      input: (reason) => ({ planId, body: body.body, reason }),
      done: '已退回',
    });

  const template = async () => {
    try {
      const f = await call('scores.template', { planId, body: body.body });
      downloadBase64(f.fileName, f.base64, XLSX_MIME);
    } catch (e) {
      void modal.error({ title: '无法下载评分表', content: errorMessage(e) });
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <SheetTag state={sheet.state} />
        <Typography.Text type="secondary" data-testid="sheet-progress">
          已评 {sheet.entered} / {sheet.cells} 项
        </Typography.Text>
        <Select
          allowClear
          placeholder="全部指标"
          style={{ width: 220 }}
          value={indicatorId}
          onChange={setIndicatorId}
          options={[...items.values()].map((i) => ({ value: i.id, label: i.name }))}
          data-testid="grid-indicator"
        />
        <Input.Search
          allowClear
          placeholder="单位名称或代码"
          style={{ width: 200 }}
          onSearch={setSearch}
          data-testid="grid-search"
        />
        <Checkbox checked={missing} onChange={(e) => setMissing(e.target.checked)}>
          只看未评
        </Checkbox>
      </Space>
      {sheet.state === 'returned' && sheet.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`考评办退回：${sheet.returnReason}`}
          data-testid="return-reason"
        />
      )}
      {grid.error && <Alert type="error" showIcon message={grid.error} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        {editable && (
          <Button
            type="primary"
            disabled={changed.length === 0 || bad.length > 0}
            loading={save.busy}
            onClick={saveAll}
            data-testid="grid-save"
          >
            保存{changed.length ? `（${changed.length} 项修改）` : ''}
          </Button>
        )}
        {changed.length > 0 && <Button onClick={() => setDrafts(new Map())}>放弃修改</Button>}
        {sheet.canSubmit && (
          <Tooltip title={changed.length ? '请先保存修改' : ''}>
            <Button
              disabled={changed.length > 0}
              loading={submit.busy}
              onClick={confirmSubmit}
              data-testid="grid-submit"
            >
              报送
            </Button>
          </Tooltip>
        )}
        {sheet.canReturn && (
          <Button danger onClick={sendBack} data-testid="grid-return">
            退回
          </Button>
        )}
        {(editable || sheet.canSubmit) && (
          <>
            <Button icon={<DownloadOutlined />} onClick={template}>
              下载评分表（Excel）
            </Button>
            <Button icon={<UploadOutlined />} disabled={!editable} onClick={() => setImporting(true)}>
              导入评分表
            </Button>
          </>
        )}
      </Space>
      <Table<GridRow>
        size="small"
        rowKey={keyOf}
        loading={grid.loading}
        dataSource={rows}
        data-testid="score-grid"
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: grid.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => `共 ${n} 项`,
          onChange: (current, size) => setPage({ current, size }),
        }}
        columns={[
          {
            title: '单位',
            width: 180,
            render: (_, r) => (
              <div>
                <div>{r.unitName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.categoryName}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: '指标',
            width: 160,
            render: (_, r) => {
              const it = items.get(r.indicatorId);
              return (
                <Tooltip title={it?.standard || undefined}>
                  <div>{it?.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {it ? `${indicatorKindLabels[it.kind]} · ${scoringMethodLabels[it.method]}` : ''}
                  </Typography.Text>
                </Tooltip>
              );
            },
          },
          {
            title: '目标任务',
            ellipsis: true,
            // a common item's target repeats the item's name: shown once
            render: (_, r) => (r.targetContent === items.get(r.indicatorId)?.name ? '' : r.targetContent),
          },
          { title: '分值', dataIndex: 'points', width: 60 },
          {
            title: '评分',
            width: 150,
            render: (_, r) => (
              <ScoreInput
                method={items.get(r.indicatorId)?.method ?? 'judgement'}
                points={r.points}
                value={shownInput(r, drafts.get(keyOf(r)), 'entry')}
                disabled={!editable}
                onChange={(input) => setDraft(r, { input })}
                testId={`score-${r.unitCode}-${r.indicatorId}-${r.targetId ?? 0}`}
              />
            ),
          },
          {
            title: '单位自评',
            width: 100,
            render: (_, r) =>
              r.self ? (
                <Tooltip title={r.self.note || undefined}>
                  <Tag color="blue">{r.self.words}</Tag>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">未自评</Typography.Text>
              ),
          },
          {
            title: '备注',
            width: 180,
            render: (_, r) => (
              <NoteInput
                value={drafts.get(keyOf(r))?.note ?? r.entry?.note ?? ''}
                disabled={!editable}
                onChange={(note) => setDraft(r, { note })}
              />
            ),
          },
          {
            title: '',
            width: 64,
            render: (_, r) =>
              drafts.has(keyOf(r)) ? <Tag color="orange">未保存</Tag> : r.entry ? <Tag color="green">已评</Tag> : null,
          },
        ]}
      />
      <ImportWizard
        open={importing}
        kind={{
          label: '评分表',
          keyLabel: '单位 / 指标',
          preview: (f) => call('scores.importPreview', { planId, body: body.body, ...f }),
          errors: (f) => call('scores.importErrors', { planId, body: body.body, ...f }),
          commit: 'scores.import',
          with: { planId, body: body.body },
          template: () => call('scores.template', { planId, body: body.body }),
        }}
        onClose={() => setImporting(false)}
      />
    </div>
  );
}
