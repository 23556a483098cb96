import { parentPort } from 'node:worker_threads';
import { type RenderTask, runRenderTask } from './render-task';

/** A render worker (see pool.ts): answers each task with its result or its error. */
parentPort?.on('message', (m: { id: number; task: RenderTask }) => {
  try {
    const { bytes, sha256, model } = runRenderTask(m.task);
    // the file's bytes move to the main thread without a copy when they own their memory
    const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? bytes : bytes.slice();
    parentPort!.postMessage({ id: m.id, bytes: own, sha256, model }, [own.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
