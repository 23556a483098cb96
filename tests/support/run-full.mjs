// `npm run test:full`: `npm test` with every heavy corpus run whole (KAOPING_FULL=1, read by
// tests/support/full.ts) instead of the fixed sample `npm test` runs: all hostile inputs over
// HTTP as well as through the dispatcher, ten times the bit flips through a backup, and whatever
// large-volume case a feature adds through `sized()` / `sampled()`. Run it before a release, or
// after changing a transport, the backup format or input validation.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['test'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, KAOPING_FULL: '1' },
});
process.exit(r.status ?? 1);
