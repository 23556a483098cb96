import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Space,
  Tag,
  Upload,
} from 'antd';
import { lagLabels } from '../../../electron/contract/labels';
import { call, errorMessage } from '../../api/client';
import { type UploadedFile, downloadBase64, uploadFile } from '../../api/files';
import { uploadLimitMb } from '../../../electron/contract/labels';
import { useAction } from '../../api/use-action';
import { lagColors, type ReportRow } from './ProgressModule';

/** One target's report for the quarter: figures, narrative, evidence; save as draft, then submit. */
export function ReportDrawer({
  row,
  quarter,
  canWrite,
  onClose,
  onChanged,
}: {
  row: ReportRow;
  quarter: number;
  canWrite: boolean;
  onClose(): void;
  /** The row as the core now has it (the drawer stays open on it). */
  onChanged(r: ReportRow): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const saving = useAction('reports.save', { form });
  const submitting = useAction('reports.submit', { done: '已报送，等待考评办审核' });
  const attaching = useAction('reports.attach');
  const detaching = useAction('reports.detach');
  const busy = saving.busy || submitting.busy;
  const editable = canWrite && row.state !== 'submitted' && row.state !== 'accepted';
  const changed = (r: ReportRow | undefined) => (r && onChanged(r), r);

  type Texts = 'actualValue' | 'narrative' | 'problems' | 'nextSteps';
  type Values = { completionRate?: number | null } & Partial<Record<Texts, string>>;
  const save = async (done?: string): Promise<ReportRow | undefined> => {
    const v = (await form.validateFields()) as Values;
    const texts = { narrative: v.narrative ?? '', problems: v.problems ?? '', nextSteps: v.nextSteps ?? '' };
    const figures = { completionRate: v.completionRate ?? null, actualValue: v.actualValue || null };
    return changed(await saving.run({ targetId: row.targetId, quarter, ...figures, ...texts }, done));
  };
  const submit = async () => {
    const saved = await save();
    if (saved) changed(await submitting.run({ reportId: saved.reportId! }));
  };
  const attach = async (f: File) => {
    const r = row.reportId ? row : await save();
    if (!r) return false;
    let file: UploadedFile;
    try {
      file = await uploadFile('attachment', f);
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
    changed(await attaching.run({ reportId: r.reportId!, ...file }, `已上传“${f.name}”`));
    return false;
  };

  return (
    <Drawer
      open
      width={640}
      title={`第${['一', '二', '三', '四'][quarter - 1]}季度进展`}
      onClose={onClose}
      extra={
        editable && (
          <Space>
            <Button onClick={() => void save('草稿已保存')} loading={busy}>
              保存草稿
            </Button>
            <Button type="primary" onClick={() => void submit()} loading={busy}>
              报送
            </Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="单位">{row.unitName}</Descriptions.Item>
        <Descriptions.Item label="目标任务">{row.content}</Descriptions.Item>
        <Descriptions.Item label="目标值">
          {row.targetValue ? `${row.targetValue}${row.measureUnit ?? ''}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="本季度节点">
          {row.expected}%{row.milestone.text ? `：${row.milestone.text}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="进度">
          <Tag color={lagColors[row.lag]}>{lagLabels[row.lag]}</Tag>
        </Descriptions.Item>
      </Descriptions>
      {row.state === 'returned' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`已退回：${row.returnReason}`} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={{
          completionRate: row.completionRate,
          actualValue: row.actualValue,
          narrative: row.narrative,
          problems: row.problems,
          nextSteps: row.nextSteps,
        }}
      >
        <Space>
          <Form.Item name="completionRate" label="累计完成率">
            <InputNumber min={0} max={1000} addonAfter="%" />
          </Form.Item>
          <Form.Item name="actualValue" label="实际完成值" rules={[{ max: 60, message: '不能超过 60 个字' }]}>
            <Input addonAfter={row.measureUnit ?? undefined} />
          </Form.Item>
        </Space>
        <Form.Item name="narrative" label="进展情况" rules={[{ max: 3000, message: '不能超过 3000 个字' }]}>
          <Input.TextArea rows={4} showCount maxLength={3000} />
        </Form.Item>
        <Form.Item name="problems" label="存在问题" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="nextSteps" label="下步打算" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      <List
        header={
          <Space>
            佐证材料
            {editable && (
              <Upload showUploadList={false} beforeUpload={attach}>
                <Button size="small" icon={<UploadOutlined />} loading={attaching.busy}>
                  上传（任意格式，{uploadLimitMb('attachment')} MB 以内）
                </Button>
              </Upload>
            )}
          </Space>
        }
        size="small"
        dataSource={row.attachments}
        locale={{ emptyText: '暂无佐证材料' }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="d"
                size="small"
                type="link"
                icon={<DownloadOutlined />}
                onClick={() =>
                  call('reports.download', { attachmentId: a.id }).then(
                    (f) => downloadBase64(f.fileName, f.base64),
                    (e: unknown) => message.error(errorMessage(e)),
                  )
                }
              >
                下载
              </Button>,
              ...(editable
                ? [
                    <Popconfirm
                      key="x"
                      title={`删除“${a.name}”？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={async () => void changed(await detaching.run({ attachmentId: a.id }))}
                    >
                      <Button size="small" type="link" danger icon={<DeleteOutlined />} />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            {a.name}（{(a.size / 1024).toFixed(0)} KB）
          </List.Item>
        )}
      />
    </Drawer>
  );
}
