import { Alert, Button, Modal, Progress, Space, Table, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { jobStateLabels } from '../../electron/contract/labels';
import type { Job } from './use-job';

/**
 * The one way long work is shown: a bar with counts, cancel while it runs, the reason it stopped, the items
 * that failed and why, and what it produced. Every job (batch letters, imports, backups, packages) uses it.
 */
export function JobModal(props: {
  job: Job;
  title: string;
  pollError: string | null;
  /** What the work was done to, for the error table's column: 单位, 行 … */
  itemLabel: string;
  /** Words for how it ended, where the work wants its own (e.g. what a cancel kept). */
  outcome?: Partial<Record<Job['state'], string>>;
  /** Why items were skipped, where the work skips some (已是最新 …). */
  skippedNote?: string;
  /** The counts line, where the work is one whole that goes through phases (a package: 核对并解密 3 / 12); null: none. */
  counts?: (job: Job) => ReactNode;
  /** What to offer once it ended (open the produced file …). */
  extra?: ReactNode;
  onCancel(): void;
  onClose(): void;
}) {
  const { job, pollError } = props;
  // a cancel takes effect once the letters already under way are saved: the button says so meanwhile
  const [cancelling, setCancelling] = useState(false);
  // while the progress cannot be read, the window may be closed: the job goes on (or has ended) in the core
  const running = job.state === 'running' && !pollError;
  const percent = job.total ? Math.floor((job.done / job.total) * 100) : 0;
  const said = props.outcome?.[job.state] ?? jobStateLabels[job.state];
  return (
    <Modal
      open
      title={props.title}
      closable={!running}
      maskClosable={false}
      onCancel={running ? undefined : props.onClose}
      footer={
        running ? (
          <Button
            danger
            loading={cancelling}
            onClick={() => {
              setCancelling(true);
              props.onCancel();
            }}
          >
            {cancelling ? '正在取消…' : '取消'}
          </Button>
        ) : (
          <Space>
            {props.extra}
            <Button onClick={props.onClose}>关闭</Button>
          </Space>
        )
      }
    >
      <Progress
        percent={percent}
        status={job.state === 'failed' ? 'exception' : running ? 'active' : 'normal'}
        data-testid="batch-progress"
      />
      {props.counts ? (
        props.counts(job) !== null && <Typography.Paragraph>{props.counts(job)}</Typography.Paragraph>
      ) : (
        <Typography.Paragraph>
          {said}：{job.done} / {job.total}，成功 {job.succeeded}
          {job.skipped ? `，跳过 ${job.skipped}${props.skippedNote ? `（${props.skippedNote}）` : ''}` : ''}
          {job.errors.length ? `，失败 ${job.errors.length}` : ''}
        </Typography.Paragraph>
      )}
      {job.message && (
        <Alert
          type={job.state === 'failed' ? 'error' : 'info'}
          showIcon
          message={job.message}
          style={{ marginBottom: 8 }}
        />
      )}
      {pollError && (
        <Alert
          type="warning"
          showIcon
          message={`暂时读不到进度（${pollError}），正在重试；可关闭此窗口，稍后查看结果。`}
          style={{ marginBottom: 8 }}
        />
      )}
      {job.errors.length > 0 && (
        <Table
          size="small"
          rowKey="item"
          pagination={false}
          scroll={{ y: 200 }}
          dataSource={job.errors}
          columns={[
            { title: props.itemLabel, dataIndex: 'item', width: 180 },
            { title: '原因', dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
}
