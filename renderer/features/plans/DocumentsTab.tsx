import { App, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { docKindLabels } from '../../../electron/contract/labels';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/use-call';
import { useCan } from '../../app/can';
import { useAskText } from '../../shared/use-ask-text';
import { DocumentPreview, downloadDocument } from './DocumentPreview';
import { formatDateTime } from '../../shared/datetime';

type Doc = ChannelOutput<'documents.list'>[number];

/** The register of every generated document: number, who made it, its hash; a number once voided is never reused. */
export function DocumentsTab() {
  const { message } = App.useApp();
  const can = useCan();
  const docs = useCall('documents.list', {});
  const [preview, setPreview] = useState<Doc | null>(null);

  const askText = useAskText();
  const voidDoc = (d: Doc) =>
    askText({
      title: `作废 ${d.number}`,
      label: '作废原因',
      placeholder: '作废原因（必填）。作废后文号不再使用。',
      okText: '作废',
      danger: true,
      channel: 'documents.void',
      input: (reason) => ({ id: d.id, reason }),
      done: `${d.number} 已作废`,
    });

  return (
    <>
      <Table<Doc>
        size="small"
        rowKey="id"
        loading={docs.loading}
        dataSource={docs.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: '文号', dataIndex: 'number', width: 160 },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          {
            title: '种类',
            dataIndex: 'kind',
            width: 110,
            render: (k: Doc['kind']) => (k === 'combined' ? '合订本' : docKindLabels[k]),
          },
          { title: '生成人', dataIndex: 'madeBy', width: 90 },
          {
            title: '生成时间',
            dataIndex: 'madeAt',
            width: 150,
            render: (t: number) => formatDateTime(t),
          },
          {
            title: '状态',
            width: 160,
            render: (_, d) =>
              d.voidedAt ? (
                <Tag color="red" title={d.voidReason ?? ''}>
                  已作废：{d.voidReason}
                </Tag>
              ) : (
                <Tag color="green">有效</Tag>
              ),
          },
          {
            title: '操作',
            width: 170,
            render: (_, d) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setPreview(d)}>
                  预览
                </Button>
                <Button
                  size="small"
                  type="link"
                  onClick={() => downloadDocument(d.id).catch((e: unknown) => message.error(errorMessage(e)))}
                >
                  下载
                </Button>
                {can('documents.void') && !d.voidedAt && (
                  <Button size="small" type="link" danger onClick={() => voidDoc(d)}>
                    作废
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {preview && (
        <DocumentPreview
          id={preview.id}
          title={`${preview.number} ${preview.title}`}
          onClose={() => setPreview(null)}
        />
      )}
    </>
  );
}
