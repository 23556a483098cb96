// Runs a restore in its own process so that a test can kill it at a fault point (KAOPING_FAULT).
import { startChildApp } from './child-app';

const [dataDir, file] = process.argv.slice(2);
const app = await startChildApp(dataDir!);
const r = await app.callAs({ userId: 1, username: 'child', role: 'admin' }, 'cli', 'backup.restore', {
  file,
  confirm: true,
});
process.stdout.write(JSON.stringify(r));
app.close();
