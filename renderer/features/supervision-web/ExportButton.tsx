import { App, Button } from 'antd';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { downloadBase64, XLSX_MIME } from '../../api/files';

/** 导出 Excel of a whole register (audits, transfers, joint meetings), as offices file it. */
export function ExportButton({ channel }: { channel: 'audits.export' | 'transfers.export' | 'meetings.export' }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const f = await call(channel, {});
      downloadBase64(f.fileName, f.base64, XLSX_MIME);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button loading={busy} onClick={() => void run()}>
      导出 Excel
    </Button>
  );
}
