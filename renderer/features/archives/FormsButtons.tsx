import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { call, errorMessage } from '../../api/client';
import { act } from '../../api/use-action';
import { downloadBase64, XLSX_MIME } from '../../api/files';
import { JobModal } from '../../shared/JobModal';
import { useJob } from '../../shared/use-job';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The unit's 登记表 bound as one volume: a job with its bar and cancel, then the volume to download. */
export function FormsVolumeButton(p: { year: number; unitId: number }) {
  const { message } = App.useApp();
  const { job, pollError, follow, cancel, close } = useJob();
  const start = async () => {
    try {
      follow(await call('staff.formsBatch', p));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const download = async () => {
    const f = await act(message, 'staff.formsVolume', p);
    if (f) downloadBase64(f.fileName, f.base64, DOCX_MIME);
  };
  return (
    <>
      <Button size="small" icon={<FileWordOutlined />} onClick={() => void start()} data-testid="staff-forms">
        登记表合订本
      </Button>
      {job && (
        <JobModal
          job={job}
          title="生成考核登记表合订本"
          itemLabel="人员"
          pollError={pollError}
          outcome={{ running: '正在生成…', done: '已合订为一册', cancelled: '已取消，未生成合订本', failed: '已停止' }}
          extra={
            job.state === 'done' && (
              <Button type="primary" onClick={() => void download()}>
                下载合订本
              </Button>
            )
          }
          onCancel={cancel}
          onClose={close}
        />
      )}
    </>
  );
}

/** One person's 登记表. */
export function FormLink(p: { year: number; unitId: number; personId: number }) {
  const { message } = App.useApp();
  return (
    <Button
      size="small"
      type="link"
      onClick={async () => {
        const f = await act(message, 'staff.form', p);
        if (f) downloadBase64(f.fileName, f.base64, DOCX_MIME);
      }}
    >
      登记表
    </Button>
  );
}

/** The unit's 考核结果汇总表 in Excel. */
export function SummaryButton(p: { year: number; unitId: number }) {
  const { message } = App.useApp();
  return (
    <Button
      size="small"
      icon={<FileExcelOutlined />}
      onClick={async () => {
        const f = await act(message, 'staff.summaryExport', p);
        if (f) downloadBase64(f.fileName, f.base64, XLSX_MIME);
      }}
    >
      结果汇总表
    </Button>
  );
}
