import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { App } from '../../electron/services/app';
import { type TestApp, testApp } from './app';
import { caller } from './sample-plan';
import { tempDir } from './tmp';

/** A stick: a folder both installations of a test read and write. */
export function stick() {
  const t = tempDir();
  return { dir: t.dir, cleanup: t.cleanup, files: () => fs.readdirSync(t.dir).map((f) => path.join(t.dir, f)) };
}

type Call = ReturnType<typeof caller>;

/** Registration both ways: each side reads the other's file and trusts it with the fingerprint it shows. */
export async function register(parent: Call, child: Call, dir: string) {
  const up = await child<{ file: string; fingerprint: string }>('exchange.registrationExport', { dir });
  const down = await parent<{ file: string; fingerprint: string }>('exchange.registrationExport', { dir });
  await parent('exchange.registrationAccept', { file: up.file, relation: 'child', fingerprint: up.fingerprint });
  await child('exchange.registrationAccept', { file: down.file, relation: 'parent', fingerprint: down.fingerprint });
  return { up, down };
}

export interface Outcome {
  status: string;
  stage: string | null;
  message: string;
  summary: {
    totals: Record<string, number>;
    byTable: Record<string, Record<string, number>>;
    errors: unknown[];
    conflicts: unknown[];
  };
  receiptFile: string | null;
  gap: number;
  header: { audit: { seq: number; hash: string; count: number } | null; seq: number } | null;
}

export const selfId = async (call: Call) =>
  (await call<{ self: { nodeId: string } }>('exchange.overview', {})).self.nodeId;

export const evaluator = (app: App) => caller(app);
export const admin = (app: App) => caller(app, 'admin', '管理员');

/**
 * The installations (and sticks) a test file opens, each closed after its test: call once at the file's top level;
 * `app()` opens one more, `later(f)` adds a cleanup.
 */
export function installations() {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  const app = async (): Promise<TestApp> => {
    const t = await testApp();
    cleanups.push(t.close);
    return t;
  };
  return {
    app,
    later: (f: () => void) => cleanups.push(f),
    /** A city and its county with a stick between them, not yet registered with each other. */
    pair: async () => {
      const city = await app();
      const county = await app();
      const usb = stick();
      cleanups.push(usb.cleanup);
      return { city, county, usb, c: evaluator(city.app), k: evaluator(county.app) };
    },
  };
}
