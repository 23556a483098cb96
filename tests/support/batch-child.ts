// Runs a letter batch in its own process so that a test can kill it at a fault point (KAOPING_FAULT).
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { TEST_SCRYPT, anchorDirOf } from './app';
import { repoRoot } from './tmp';

const [dataDir, planId] = process.argv.slice(2);
const app = await startApp({
  dataDir: dataDir!,
  appRoot: repoRoot,
  appVersion: 'child',
  log: silentLogger,
  scrypt: TEST_SCRYPT,
  anchorDir: anchorDirOf(dataDir!),
});
const who = { userId: null, username: 'child', role: 'evaluator' as const };
const started = await app.callAs(who, 'cli', 'letters.batch', { planId: Number(planId) });
if (!started.ok) throw new Error(started.error.message);
for (;;) {
  const j = await app.callAs(who, 'cli', 'jobs.status', { id: (started.value as { id: string }).id });
  if (!j.ok || (j.value as { state: string }).state !== 'running') break;
  await new Promise((r) => setTimeout(r, 20));
}
process.stdout.write('finished without being killed');
app.close();
