import { ANCHOR_DIR_ENV } from '../../electron/services/audit-anchors';
import { makeTemplateDb, TEMPLATE_ENV } from './template-db';
import { tempDir } from './tmp';

/** vitest globalSetup: migrates the template database once for the whole run (see template-db.ts). */
export default async function setup(): Promise<() => void> {
  const t = tempDir('kaoping-template-');
  process.env[TEMPLATE_ENV] = await makeTemplateDb(t.dir);
  // processes the tests start (command line, children killed mid-write) keep their audit anchors here, not in ~
  const anchors = tempDir('kaoping-anchors-');
  process.env[ANCHOR_DIR_ENV] ??= anchors.dir;
  return () => {
    t.cleanup();
    anchors.cleanup();
  };
}
