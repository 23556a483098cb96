/**
 * Long work written as a generator: it yields where it has got to, and whoever drives it decides what happens in
 * between — nothing (`drain`: a receipt, the bench), or the dispatcher's long write, which lets the event loop
 * answer progress polls and stops at a cancel (dispatcher.ts). The work itself stays synchronous between yields, so
 * one transaction still holds all of it.
 */
export interface Step {
  /** What is being done, in the user's words (核对并解密, 逐条校验并写入 …). */
  phase: string;
  done: number;
  total: number;
}

export type Steps<T> = Generator<Step, T, void>;

/** Runs the work to its end without pausing. */
export function drain<T>(g: Steps<T>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}
