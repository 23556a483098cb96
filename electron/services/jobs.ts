import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../contract';
import type { jobStatus } from '../contract/channels/jobs';
import type { Step } from './steps';

/** What jobs.status answers (the one job contract, contract/channels/jobs.ts). */
export type JobView = z.output<typeof jobStatus>;

export interface JobControl {
  readonly cancelled: boolean;
  /** Aborted by cancel: handed to the calls the job makes, so that a step under way stops too. */
  readonly signal: AbortSignal;
  readonly succeeded: number;
  step(ok: boolean, error?: { item: string; message: string }): void;
  /** An item that needed nothing done. */
  skip(): void;
  finish(patch: Partial<Pick<JobView, 'message' | 'documentId' | 'fileName' | 'result'>>): void;
  /** Work that is one whole says where it has got to instead of counting items. */
  progress(s: Step): void;
}

interface Job extends JobView {
  owner: string;
  cancelRequested: boolean;
  abort: AbortController;
  finishedAt: number | null;
}

/**
 * Long work (a batch of 2,000 letters) runs in the background while the UI polls its progress and may
 * cancel it between items. Jobs live in memory: a restart ends them, and every item each one finished
 * is already committed on its own.
 */
export class JobStore {
  private jobs = new Map<string, Job>();

  start(
    owner: string,
    what: Pick<JobView, 'kind' | 'title'>,
    total: number,
    work: (c: JobControl) => Promise<void>,
  ): JobView {
    const { kind, title } = what;
    this.prune();
    if ([...this.jobs.values()].some((j) => j.owner === owner && j.state === 'running' && j.title === title)) {
      throw new AppError('CONFLICT', `“${title}”已在进行中，请等待完成或取消后再开始。`);
    }
    const job: Job = {
      id: randomUUID(),
      owner,
      kind,
      title,
      state: 'running',
      total,
      done: 0,
      succeeded: 0,
      skipped: 0,
      errors: [],
      message: null,
      documentId: null,
      fileName: null,
      phase: null,
      result: null,
      cancelRequested: false,
      abort: new AbortController(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    const control: JobControl = {
      get cancelled() {
        return job.cancelRequested;
      },
      get succeeded() {
        return job.succeeded;
      },
      signal: job.abort.signal,
      step(ok, error) {
        job.done++;
        if (ok) job.succeeded++;
        if (error) job.errors.push(error);
      },
      skip() {
        job.done++;
        job.skipped++;
      },
      finish(patch) {
        Object.assign(job, patch);
      },
      progress(s) {
        job.phase = s.phase;
        job.done = s.done;
        job.total = s.total;
      },
    };
    // a cancel that came after the last item was done changed nothing: the work is done
    const stopped = () => job.cancelRequested && job.done < job.total;
    void work(control).then(
      () => this.end(job, stopped() ? 'cancelled' : 'done'),
      (e: unknown) => {
        job.message = e instanceof AppError ? e.message : `后台任务出错：${e instanceof Error ? e.message : String(e)}`;
        this.end(job, stopped() ? 'cancelled' : 'failed');
      },
    );
    return this.view(job);
  }

  /** Whether any job runs, whoever started it. */
  anyRunning(): boolean {
    return [...this.jobs.values()].some((j) => j.state === 'running');
  }

  get(id: string, owner: string): JobView {
    return this.view(this.find(id, owner));
  }

  cancel(id: string, owner: string): JobView {
    const job = this.find(id, owner);
    if (job.state === 'running') {
      job.cancelRequested = true;
      job.abort.abort();
    }
    return this.view(job);
  }

  /** Resolves when every running job has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.state === 'running')) await new Promise((r) => setTimeout(r, 10));
  }

  private end(job: Job, state: Job['state']) {
    // every cancelled job says what it kept: items finished before the cancel are committed, each on its own
    if (state === 'cancelled' && !job.message)
      job.message =
        `已取消：已完成的 ${job.succeeded} 项已保存` +
        (job.skipped ? `（另有 ${job.skipped} 项无需处理）` : '') +
        `，其余 ${job.total - job.done} 项未处理。`;
    job.state = state;
    job.finishedAt = Date.now();
  }

  private find(id: string, owner: string): Job {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner)
      throw new AppError('NOT_FOUND', '没有找到这个后台任务（程序重启后任务记录会清除）。');
    return job;
  }

  private view(j: Job): JobView {
    const { owner: _o, cancelRequested: _c, abort: _a, finishedAt: _f, ...v } = j;
    return { ...v, errors: [...v.errors] };
  }

  /** Finished jobs are kept an hour for the UI to read their outcome. */
  private prune() {
    const cutoff = Date.now() - 3_600_000;
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && j.finishedAt < cutoff) this.jobs.delete(id);
  }
}
