import { AppError, type ChannelOutput } from '../../contract';
import type { Handlers } from '../handler';

const titles = { export: '导出数据包', inspect: '试导入数据包', import: '导入数据包' } as const;

/** What a cancel kept, in the words of each action: the package is one whole, so nothing of it is. */
const cancelled = {
  export: '已取消：没有导出数据包，U 盘上不留半个文件，本机记录未改动。',
  inspect: '已取消试导入，本机数据未改动。',
  import: '已取消：数据包未导入，本机数据未改动；可随时重新导入同一个文件。',
} as const;

/**
 * Export, dry run and import as a background job: the job calls the channel itself (one transaction, the database
 * held meanwhile, dispatcher.ts) and shows its steps — 读出记录并加密写入, 核对并解密, 逐条校验并写入 with counts.
 * Cancel stops it between steps and rolls all of it back. The channel's answer is the job's result.
 */
export const exchangeJobHandlers: Handlers<'exchange.start'> = {
  'exchange.start': (ctx, input) => {
    const { caller, transport, app } = ctx;
    // a package holds the database from start to end: work of another job between its steps would be refused
    if (app.jobs.anyRunning())
      throw new AppError('CONFLICT', '另有后台任务（如批量生成责任书）正在进行，请等它完成后再导出或导入数据包。');
    const { action, nodeId, dir, file, receiptDir, confirm } = input;
    const args =
      action === 'export' ? { nodeId, dir } : action === 'inspect' ? { file } : { file, confirm, receiptDir };
    return app.jobs.start(caller.username, { kind: 'package', title: titles[action] }, 1, async (job) => {
      try {
        const r = await app.callAs(caller, transport, `exchange.${action}`, args, {
          signal: job.signal,
          progress: (s) => job.progress(s),
        });
        job.progress({ phase: '已完成', done: 1, total: 1 });
        job.finish({ result: r, message: messageOf(action, r) });
      } catch (e) {
        if (job.cancelled && e instanceof AppError && e.code === 'CONFLICT') {
          // rolled back whatever step it had reached: nothing of it counts as done
          job.progress({ phase: '已取消', done: 0, total: 1 });
          return job.finish({ message: cancelled[action] });
        }
        throw e;
      }
    });
  },
};

function messageOf(action: keyof typeof titles, r: unknown): string {
  if (action === 'export') {
    const w = r as ChannelOutput<'exchange.export'>;
    return `已导出并读回校验：${w.file}（第 ${w.seq} 号）`;
  }
  return (r as ChannelOutput<'exchange.import'>).message;
}
