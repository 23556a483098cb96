import { DownloadOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin } from 'antd';
import { renderAsync } from 'docx-preview';
import { useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { printPreviews } from './print-preview';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Downloads a registered document (the core checks its hash first). */
export async function downloadDocument(id: number): Promise<void> {
  const f = await call('documents.content', { id });
  downloadBase64(f.fileName, f.base64, DOCX_MIME);
}

/** Opens a registered document in Word/WPS where the desktop host can, otherwise downloads it. */
export async function openDocument(
  id: number,
  notify: { success(t: string): void; info(t: string): void },
): Promise<void> {
  const r = await call('documents.open', { id });
  if (r.opened) notify.success(r.message);
  else {
    notify.info(r.message);
    await downloadDocument(id);
  }
}

/**
 * 打印: the core hands the documents, in this order and behind a 打印清单 when more than one, to Word/WPS where the
 * desktop host finds them; with no Word/WPS the preview goes to the system's print dialog; where nothing can print
 * (the browser, a failed hand-over) they are downloaded in order.
 */
export async function printDocuments(
  ids: number[],
  notify: { success(t: string): void; info(t: string): void },
): Promise<void> {
  const r = await call('documents.print', { ids });
  if (r.printed) {
    notify.success(r.message);
    return;
  }
  notify.info(r.message);
  if (r.via === 'pdf') {
    const docs = await Promise.all(ids.map((id) => call('documents.content', { id })));
    await printPreviews(r.cover ? [r.cover, ...docs] : docs);
    return;
  }
  if (r.cover) downloadBase64(r.cover.fileName, r.cover.base64, DOCX_MIME);
  for (const id of ids) await downloadDocument(id);
}

/** The document as it will print, rendered in the window by docx-preview; Word/WPS remains the printing authority. */
export function DocumentPreview({ id, title, onClose }: { id: number; title: string; onClose(): void }) {
  const { message } = App.useApp();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ loading: boolean; error?: string }>({ loading: true });

  useEffect(() => {
    let live = true;
    call('documents.content', { id }).then(
      async (f) => {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        if (!live || !box.current) return;
        await renderAsync(new Blob([bytes]), box.current, undefined, {
          inWrapper: true,
          breakPages: true,
          ignoreLastRenderedPageBreak: true,
          renderFooters: true,
          renderHeaders: true,
        });
        if (live) setState({ loading: false });
      },
      (e: unknown) => live && setState({ loading: false, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  return (
    <Modal
      open
      width={900}
      title={title}
      onCancel={onClose}
      footer={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadDocument(id).catch((e: unknown) => message.error(errorMessage(e)))}
          >
            下载
          </Button>
          <Button
            icon={<FileWordOutlined />}
            onClick={() => openDocument(id, message).catch((e: unknown) => message.error(errorMessage(e)))}
          >
            用 Word/WPS 打开
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => printDocuments([id], message).catch((e: unknown) => message.error(errorMessage(e)))}
          >
            打印
          </Button>
        </Space>
      }
    >
      {state.error && <Alert type="error" showIcon message={state.error} />}
      {state.loading && <Spin />}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 8 }}
        message="预览仅供核对内容，版式以 Word/WPS 打开为准；请在 Word/WPS 中打印。"
      />
      <div ref={box} data-testid="docx-preview" style={{ maxHeight: '70vh', overflow: 'auto', background: '#eee' }} />
    </Modal>
  );
}
