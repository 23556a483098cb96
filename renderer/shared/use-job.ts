import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../electron/contract';
import { call, errorMessage } from '../api/client';

export type Job = ChannelOutput<'jobs.status'>;

/**
 * Follows one background job of the job contract (contract/channels/jobs.ts): polls jobs.status while it
 * runs, retrying a failed poll more slowly each time (the work goes on in the core meanwhile), and cancels.
 */
export function useJob() {
  const [job, setJob] = useState<Job | null>(null);
  const [pollError, setPollError] = useState<{ message: string; tries: number } | null>(null);
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const t = setTimeout(
      () => {
        call('jobs.status', { id: job.id }).then(
          (j) => {
            setPollError(null);
            setJob(j);
          },
          (e: unknown) => setPollError((p) => ({ message: errorMessage(e), tries: (p?.tries ?? 0) + 1 })),
        );
      },
      pollError ? Math.min(10_000, 500 * 2 ** pollError.tries) : 400,
    );
    return () => clearTimeout(t);
  }, [job, pollError]);
  return {
    job,
    pollError: pollError?.message ?? null,
    ended: job !== null && job.state !== 'running',
    /** Follows the job a starting call answered. */
    follow: (j: Job) => {
      setPollError(null);
      setJob(j);
    },
    cancel: () => (job ? call('jobs.cancel', { id: job.id }).then(setJob) : Promise.resolve()),
    close: () => {
      setJob(null);
      setPollError(null);
    },
  };
}
