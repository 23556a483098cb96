// The letter batch in a process of its own, started on a prepared city and bundled as the app is (render workers
// from dist/workers): its time and the process's peak memory, main thread and workers together, without what the
// bench's own preparation left behind. tests/bench/letters.ts builds it to dist/bench/batch-child.cjs and runs it.
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
// no sign-in happens here: the cheapest hashing cost
const TEST_SCRYPT = { log2N: 10, r: 8, p: 1 };

async function main(dataDir: string, appRoot: string, planId: number) {
  const app = await startApp({ dataDir, appRoot, appVersion: 'bench', log: silentLogger, scrypt: TEST_SCRYPT });
  const who = { userId: null, username: 'bench', role: 'evaluator' as const };
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await app.callAs(who, 'cli', channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const before = process.memoryUsage().rss;
  let peak = before;
  let tick = 0;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    if (process.env.BENCH_TRACE && ++tick % 10 === 0)
      process.stderr.write(`${(performance.now() - started).toFixed(0)} ms rss ${(rss / 2 ** 20).toFixed(0)}\n`);
  }, 20);
  const job = await call<{ id: string }>('letters.batch', { planId });
  let status: { state: string; succeeded: number; message: string | null };
  for (;;) {
    status = await call('jobs.status', { id: job.id });
    if (status.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu0);
  const cpuMs = (user + system) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  // the list of the city's units with their letters, as the letters tab asks for it: once to warm up, then after a
  // letter changed (one signed: what the letters print is kept), after a target was edited (that unit worked out
  // again), after what every letter shares changed (a setting: the shared parts hashed again, each unit's kept), after
  // a unit changed (the units read again, each unit's part hashed again, the targets kept), and unchanged
  await call('letters.list', { planId });
  const sql = {
    letter: 'update letters set party_a_signer = party_a_signer where id = (select min(id) from letters)',
    target: 'update targets set content = content where id = (select min(id) from targets)',
    inputs: 'update settings set value = value where rowid = (select min(rowid) from settings)',
    unit: 'update units set name = name where id = (select min(id) from units)',
  };
  const afterLetter: number[] = [];
  const afterTarget: number[] = [];
  const changed: number[] = [];
  const afterUnit: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < 5; i++) {
    for (const [edit, into] of [
      [sql.letter, afterLetter],
      [sql.target, afterTarget],
      [sql.inputs, changed],
      [sql.unit, afterUnit],
      [null, kept],
    ] as const) {
      if (edit) app.opened.sqlite.prepare(edit).run();
      const s = performance.now();
      await call('letters.list', { planId });
      into.push(performance.now() - s);
    }
  }
  process.stdout.write(
    JSON.stringify({ ms, cpuMs, before, peak, afterLetter, afterTarget, changed, afterUnit, kept, ...status }),
  );
  app.close();
}

const [dataDir, appRoot, planId] = process.argv.slice(2);
void main(dataDir!, appRoot!, Number(planId));
