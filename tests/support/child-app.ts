// The app a child process opens on a test's data folder, for tests that kill it at a fault point (KAOPING_FAULT).
import { startApp } from '../../electron/services/app';
import { silentLogger } from '../../electron/services/logger';
import { TEST_SCRYPT } from './app';
import { repoRoot } from './tmp';

export const startChildApp = (dataDir: string, o: { anchorDir?: string } = {}) =>
  startApp({ dataDir, appRoot: repoRoot, appVersion: 'child', log: silentLogger, scrypt: TEST_SCRYPT, ...o });
