import { App, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelInput } from '../../../electron/contract';
import { call, errorMessage } from '../../api/client';
import { refreshAfter } from '../../api/refresh';
import { JobModal } from '../../shared/JobModal';
import { type Job, useJob } from '../../shared/use-job';

/**
 * A package exported, checked or imported in the background (exchange.start): the job window shows each step with
 * its count (核对并解密, 逐条校验并写入 …) and offers 取消, which keeps nothing of the package. When the work is done the
 * window closes by itself and `onDone` gets the channel's answer; a cancel or a failure stays on screen, with why.
 */
export function usePackageJob(onDone: (job: Job) => void) {
  const { message } = App.useApp();
  const { job, pollError, ended, follow, cancel, close } = useJob();
  const [starting, setStarting] = useState(false);
  useEffect(() => {
    if (!ended || !job) return;
    if (job.state !== 'done') return;
    refreshAfter('exchange.import');
    close();
    onDone(job);
    // once per finished job: `ended` turns true once, and close() ends it
  }, [ended]);
  const start = async (input: ChannelInput<'exchange.start'>) => {
    setStarting(true);
    try {
      follow(await call('exchange.start', input));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };
  const window = job && job.state !== 'done' && (
    <JobModal
      job={job}
      title={job.title}
      itemLabel="记录"
      pollError={pollError}
      counts={(j) =>
        j.state === 'running' ? (
          <>
            <span data-testid="package-phase">{j.phase ? `${j.phase}：${j.done} / ${j.total}` : '正在开始'}</span>
            <br />
            <Typography.Text type="secondary">
              完成前请不要拔出 U 盘。取消、断电或退出都不会留下半个数据包，本机数据也不受影响。
            </Typography.Text>
          </>
        ) : null
      }
      outcome={{ running: '进行中', cancelled: '已取消', failed: '未完成' }}
      onCancel={() => cancel().catch((e: unknown) => message.error(errorMessage(e)))}
      onClose={close}
    />
  );
  return { start, busy: starting || job?.state === 'running', window };
}
