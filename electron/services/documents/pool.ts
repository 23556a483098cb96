import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { faultPause } from '../fault';
import { type RenderTask, type Rendered, runRenderTask } from './render-task';

type Pending = { task: RenderTask; resolve: (r: Rendered) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: Pending | null };

/**
 * Where the worker's code is: beside the bundle in a build (dist/workers/render-worker.cjs), the TypeScript
 * source run through tsx otherwise (tests, `npm run cli`). Null when neither exists: rendering then stays on the
 * calling thread.
 */
export function workerScript(): WorkerScript | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.cjs')) {
    // packaged, the workers are unpacked beside app.asar (build/electron-builder.yml, asarUnpack)
    const file = path
      .join(path.dirname(here), '..', 'workers', 'render-worker.cjs')
      .replace(/\.asar([\\/])/, '.asar.unpacked$1');
    return fs.existsSync(file) ? { file } : null;
  }
  const file = path.join(path.dirname(here), 'render-worker.ts');
  return fs.existsSync(file) ? { file, typescript: true } : null;
}

/** A worker's code: a bundled script, or TypeScript source loaded through tsx (a development dependency). */
export type WorkerScript = { file: string; typescript?: boolean };

/** The old-generation heap of a render worker, in MB (the largest task, a 100-letter volume, holds about 20). */
export const WORKER_HEAP_MB = 48;

/**
 * A worker's heap is held small: binding a volume leaves tens of megabytes of garbage, and a worker left to grow its
 * heap as it likes would collect it only at hundreds (the batch's memory goal is 300 MB for the whole process).
 */
const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 8 };

const startWorker = (s: WorkerScript) =>
  s.typescript
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(s.file)});`, {
        eval: true,
        resourceLimits,
      })
    : new Worker(s.file, { resourceLimits });

/** One worker per core, the main thread keeps the database and the files; at least one. */
export const defaultPoolSize = () => Math.max(1, Math.min(8, os.availableParallelism()));

/**
 * Renders documents on worker threads, so that a batch of 2,000 letters uses every core and the main thread stays
 * free to answer the UI (progress, cancel). Workers start on the first task and stop after a minute idle. A worker
 * that dies fails only the task it held, and a new one takes its place.
 */
export class RenderPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Set by a demonstration app (startApp): every task it runs is marked 演示数据. */
  demo = false;

  constructor(
    readonly size = defaultPoolSize(),
    private readonly script = workerScript(),
  ) {}

  /** Whether tasks run on worker threads (false: on the calling thread, one at a time). */
  get threaded(): boolean {
    return this.script !== null && this.size > 0;
  }

  async run(given: RenderTask): Promise<Rendered> {
    const task: RenderTask = this.demo ? { ...given, demo: true } : given;
    if (this.closed) throw new Error('render pool closed');
    await faultPause('render:slow');
    // on the calling thread, each task after a turn of the event loop: the UI's progress polls and cancel get through
    if (!this.threaded) return new Promise<void>((r) => setImmediate(r)).then(() => runRenderTask(task));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  close(): void {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('render pool closed'));
    for (const s of this.slots.splice(0)) void s.worker.terminate();
    if (this.idleTimer) clearTimeout(this.idleTimer);
  }

  private pump(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.busy = next;
      // a worker at work keeps the process alive (the command line awaits it); an idle one does not
      slot.worker.ref();
      slot.worker.postMessage({ id: 0, task: next.task });
    }
    if (this.slots.every((s) => !s.busy)) {
      this.idleTimer = setTimeout(() => this.closeIdle(), 60_000);
      this.idleTimer.unref();
    }
  }

  private closeIdle(): void {
    for (const s of this.slots.splice(0)) void s.worker.terminate();
  }

  private spawn(): Slot {
    const worker = startWorker(this.script!);
    worker.unref();
    const slot: Slot = { worker, busy: null };
    const settle = (f: (p: Pending) => void) => {
      const p = slot.busy;
      slot.busy = null;
      worker.unref();
      if (p) f(p);
      this.pump();
    };
    worker.on('message', (m: { bytes?: Uint8Array; sha256?: string; model?: string; error?: string }) =>
      settle((p) =>
        m.error !== undefined
          ? p.reject(new Error(m.error))
          : p.resolve({ bytes: m.bytes!, sha256: m.sha256!, model: m.model! }),
      ),
    );
    const died = (e: Error) => {
      this.slots = this.slots.filter((s) => s !== slot);
      settle((p) => p.reject(e));
    };
    // in words the office can pass on: the item it happened to is named by the caller
    worker.on('error', (e: Error & { code?: string }) =>
      died(
        new Error(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? '排版所需内存超出限制（内容是否异常地长？）'
            : `排版线程出错：${e.message}`,
        ),
      ),
    );
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) died(new Error(`排版线程意外退出（退出码 ${code}）`));
    });
    this.slots.push(slot);
    return slot;
  }
}
