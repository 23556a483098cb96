import { makeTemplateDb, TEMPLATE_ENV } from './template-db';
import { tempDir } from './tmp';

/** vitest globalSetup: migrates the template database once for the whole run (see template-db.ts). */
export default async function setup(): Promise<() => void> {
  const t = tempDir('kaoping-template-');
  process.env[TEMPLATE_ENV] = await makeTemplateDb(t.dir);
  return () => t.cleanup();
}
