// Runs a letter batch in its own process so that a test can kill it at a fault point (KAOPING_FAULT).
import { anchorDirOf } from './app';
import { startChildApp } from './child-app';

const [dataDir, planId] = process.argv.slice(2);
const app = await startChildApp(dataDir!, { anchorDir: anchorDirOf(dataDir!) });
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
