import { z } from 'zod';
import { jobKind, jobState } from '../../vocab';
import { channel } from '../channel';
import { roles } from '../roles';

/**
 * One contract for long work: a channel that starts it answers this status; the UI polls jobs.status
 * (counts done, succeeded, errors per item) and may jobs.cancel between items; the end is done,
 * cancelled or failed with a message, and may name a document or file the work produced.
 */
export const jobStatus = z.object({
  id: z.string(),
  kind: z.enum(jobKind.values),
  title: z.string(),
  state: z.enum(jobState.values),
  total: z.number().int(),
  done: z.number().int(),
  succeeded: z.number().int(),
  /** Items left alone because nothing needed doing (a letter already current): counted in done, not in succeeded. */
  skipped: z.number().int(),
  errors: z.array(z.object({ item: z.string(), message: z.string() })),
  message: z.string().nullable(),
  /** A registered document the work produced (a combined print volume), if any. */
  documentId: z.number().int().nullable(),
  /** A file the work produced, by its name, if any. */
  fileName: z.string().nullable(),
  /** Where work that is one whole (a package's import) has got to: its phase, with `done` of `total` in it. */
  phase: z.string().nullable(),
  /** What the channel the job ran answered (a package's import outcome), once it ended; null otherwise. */
  result: z.unknown(),
});

const jobId = z.strictObject({ id: z.string().uuid({ error: '任务编号不正确' }) });

export const jobsChannels = {
  // a job belongs to whoever started it: every role may follow and cancel its own
  'jobs.status': channel({
    title: '查看后台任务进度',
    input: jobId,
    output: jobStatus,
    roles,
    writes: false,
    passive: true,
    whileHeld: true,
  }),
  'jobs.cancel': channel({
    title: '取消后台任务',
    input: jobId,
    output: jobStatus,
    roles,
    writes: false,
    whileHeld: true,
  }),
};
