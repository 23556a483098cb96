/**
 * Named points where tests make the process fail the way the world does: killed (power cut,
 * task manager) or a disk that fills up. Inert unless KAOPING_FAULT names the point.
 */
export function faultPoint(name: string): void {
  const want = process.env.KAOPING_FAULT;
  if (!want || want.split(',').indexOf(name) < 0) return;
  if (name.endsWith(':kill')) process.kill(process.pid, 'SIGKILL');
  if (name.endsWith(':enospc')) {
    const e = new Error(`ENOSPC: no space left on device (fault ${name})`) as NodeJS.ErrnoException;
    e.code = 'ENOSPC';
    throw e;
  }
}

/** A named point where a test makes the machine slow (a PC under load): each pass waits a second. */
export async function faultPause(name: string, ms = 1000): Promise<void> {
  const want = process.env.KAOPING_FAULT;
  if (want && want.split(',').includes(name)) await new Promise((r) => setTimeout(r, ms));
}

/** The same for synchronous work (an import under way holds the thread): each pass blocks for `ms`. */
export function faultBlock(name: string, ms = 3000): void {
  const want = process.env.KAOPING_FAULT;
  if (want && want.split(',').includes(name)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
