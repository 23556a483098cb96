import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Modal,
  Radio,
  Result,
  Segmented,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../electron/contract';
import { errorMessage } from '../api/client';
import { type UploadedFile, XLSX_MIME, downloadBase64, uploadFile } from '../api/files';
import { uploadLimitMb } from '../../electron/contract/labels';
import { useAction } from '../api/use-action';

type Outcome = ChannelOutput<'units.importPreview'>;
type Row = Outcome['rows'][number];
const statusTag: Record<Row['status'], React.ReactNode> = {
  create: <Tag color="green">新增</Tag>,
  update: <Tag color="orange">更新</Tag>,
  same: <Tag>不变</Tag>,
  error: <Tag color="red">错误</Tag>,
};

type Download = { fileName: string; base64: string };
/** The file as sent, and for people the clerk's reading of a number cell 2013.1 (January or October). */
export type ImportFile = UploadedFile & { dotOneMonth?: 1 | 10 };

const said = (m: Row['messages'][number]) => (m.column ? `“${m.column}”${m.message}` : m.message);

export interface ImportKind {
  /** What is imported: 单位, 人员, 指标, 目标任务. */
  label: string;
  /** The header of the key column in the preview. */
  keyLabel: string;
  preview(file: ImportFile): Promise<Outcome>;
  /** The file given back with a 错误说明 column (what the clerk fixes and uploads again). */
  errors?(file: ImportFile): Promise<Download>;
  /** The write that imports the file; the lists it declares stale are read again after it. */
  commit:
    | 'units.import'
    | 'people.import'
    | 'indicators.import'
    | 'targets.import'
    | 'efficiency.import'
    | 'cost.import'
    | 'scores.import'
    | 'complaints.import'
    | 'audits.import'
    | 'transfers.import'
    | 'meetings.import'
    | 'training.import'
    | 'measures.import';
  /** Sent with the file when it is committed (the plan it belongs to; a 评分表's body). */
  with?: { planId: number; body?: string } | { trainingId: number };
  template(): Promise<Download>;
}

/** Choose a file → see every row's fate → confirm; nothing is written before the confirmation. */
export function ImportWizard({ kind, open, onClose }: { kind: ImportKind; open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const write = useAction(kind.commit);
  const [file, setFile] = useState<ImportFile | null>(null);
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<'all' | 'error' | 'changes'>('all');
  const step = done ? 2 : preview ? 1 : 0;

  const reset = () => {
    setFile(null);
    setPreview(null);
    setDone(null);
    setFilter('all');
  };
  const close = () => {
    reset();
    onClose();
  };

  const pick = async (f: File) => {
    setBusy(true);
    try {
      const picked = await uploadFile('excel', f);
      const p = await kind.preview(picked);
      setFile(picked);
      setPreview(p);
      setFilter(p.counts.error ? 'error' : 'all');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
    return false;
  };

  /** The clerk's reading of the ambiguous dates: the preview is read again with it, rows showing the choice. */
  const choose = async (dotOneMonth: 1 | 10) => {
    if (!file) return;
    setBusy(true);
    try {
      const chosen = { ...file, dotOneMonth };
      setPreview(await kind.preview(chosen));
      setFile(chosen);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    const outcome = await write.run({ ...kind.with, ...file } as Parameters<typeof write.run>[0]);
    if (outcome) setDone(outcome);
  };

  const errorFile = async () => {
    if (!file || !kind.errors) return;
    try {
      const f = await kind.errors(file);
      downloadBase64(f.fileName, f.base64, XLSX_MIME);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const template = async () => {
    try {
      const t = await kind.template();
      downloadBase64(t.fileName, t.base64, XLSX_MIME);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const rows = (preview?.rows ?? []).filter(
    (r) =>
      filter === 'all' || (filter === 'error' ? r.status === 'error' : r.status === 'create' || r.status === 'update'),
  );
  const c = preview?.counts;
  // a file of two sheets (a register and its items) numbers the rows of each: the sheet is shown with the row
  const sheets = (preview?.rows ?? []).some((r) => r.sheet);

  return (
    <Modal
      open={open}
      width={900}
      title={`导入${kind.label}`}
      onCancel={close}
      maskClosable={false}
      footer={
        step === 1 ? (
          <Space>
            <Button onClick={reset}>重新选择文件</Button>
            <Button
              type="primary"
              disabled={!c || c.error > 0 || c.create + c.update === 0 || !!preview?.ambiguous}
              loading={write.busy}
              onClick={commit}
            >
              确认导入（新增 {c?.create ?? 0}，更新 {c?.update ?? 0}）
            </Button>
          </Space>
        ) : (
          <Button onClick={close}>{step === 2 ? '完成' : '取消'}</Button>
        )
      }
    >
      <Steps
        size="small"
        current={step}
        items={[{ title: '选择文件' }, { title: '预览检查' }, { title: '完成' }]}
        style={{ marginBottom: 24 }}
      />
      {step === 0 && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            请使用导入模板填写（.xlsx，也可用 Excel 另存的 .csv，{uploadLimitMb('excel')} MB
            以内）。导入前会逐行检查并列出结果，确认后才写入；有任何一行错误时不会导入任何内容。
            <Button type="link" icon={<DownloadOutlined />} onClick={template}>
              下载{kind.label}导入模板
            </Button>
          </Typography.Paragraph>
          <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={pick} disabled={busy}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或把 Excel 文件拖到这里</p>
          </Upload.Dragger>
        </Space>
      )}
      {step === 1 && preview && c && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {c.error > 0 ? (
            <Alert
              type="error"
              showIcon
              message={`有 ${c.error} 行错误，请按下表修改文件后重新选择。这次不会导入任何内容。`}
              action={
                kind.errors && (
                  <Button size="small" icon={<DownloadOutlined />} onClick={errorFile}>
                    下载标注错误的文件
                  </Button>
                )
              }
            />
          ) : (
            <Alert type="success" showIcon message={`检查通过：新增 ${c.create}，更新 ${c.update}，不变 ${c.same}。`} />
          )}
          {!!preview.ambiguous && (
            <Alert
              type="warning"
              showIcon
              message={`有 ${preview.ambiguous} 个任职日期可能是 1 月，也可能是 10 月，请确认按哪种读法导入`}
              description={
                <Radio.Group
                  disabled={busy}
                  onChange={(e) => void choose(e.target.value as 1 | 10)}
                  options={[
                    { value: 1, label: '按 1 月读（原文就写的 2013.1）' },
                    { value: 10, label: '按 10 月读（原为 2013.10，Excel 省去了末尾的 0）' },
                  ]}
                />
              }
            />
          )}
          {preview.notices.map((n) => (
            <Alert key={n} type="info" message={n} />
          ))}
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as typeof filter)}
            options={[
              { value: 'all', label: `全部 ${preview.rows.length}` },
              { value: 'error', label: `错误 ${c.error}` },
              { value: 'changes', label: `新增和更新 ${c.create + c.update}` },
            ]}
          />
          <Table<Row>
            size="small"
            rowKey={(r) => `${r.sheet ?? ''}:${r.row}`}
            dataSource={rows}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            scroll={{ y: 360 }}
            columns={[
              ...(sheets ? [{ title: '工作表', dataIndex: 'sheet', width: 100 }] : []),
              { title: '行', dataIndex: 'row', width: 60 },
              { title: kind.keyLabel, dataIndex: 'key', width: 180 },
              { title: '名称', dataIndex: 'name', width: 200, ellipsis: true },
              {
                title: '结果',
                dataIndex: 'status',
                width: 80,
                render: (s: Row['status'], r: Row) => (
                  <>
                    {statusTag[s]}
                    {r.warnings?.length ? <Tag color="gold">请核对</Tag> : null}
                  </>
                ),
              },
              {
                title: '原因',
                dataIndex: 'messages',
                // every problem of the row, one a line, then what to check
                render: (m: Row['messages'], r: Row) => (
                  <>
                    {m.map((x, i) => (
                      <div key={i}>{said(x)}</div>
                    ))}
                    {(r.warnings ?? []).map((x, i) => (
                      <div key={`w${i}`}>
                        <Typography.Text type="warning">{said(x)}</Typography.Text>
                      </div>
                    ))}
                  </>
                ),
              },
            ]}
          />
        </Space>
      )}
      {step === 2 && done && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`新增 ${done.counts.create}，更新 ${done.counts.update}，不变 ${done.counts.same}。`}
        />
      )}
    </Modal>
  );
}
