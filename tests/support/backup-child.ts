// Makes a backup in its own process so that a test can kill it at a fault point (KAOPING_FAULT).
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { TEST_SCRYPT } from './app';
import { repoRoot } from './tmp';

const [dataDir] = process.argv.slice(2);
const app = await startApp({
  dataDir: dataDir!,
  appRoot: repoRoot,
  appVersion: 'child',
  log: silentLogger,
  scrypt: TEST_SCRYPT,
});
const r = await app.callAs({ userId: 1, username: 'child', role: 'admin' }, 'cli', 'backup.create', {});
process.stdout.write(JSON.stringify(r));
app.close();
