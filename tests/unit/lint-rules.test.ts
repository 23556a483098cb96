import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/tmp';

const eslint = new ESLint({ cwd: repoRoot });

async function restricted(file: string, code: string): Promise<boolean> {
  const [res] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return res!.messages.some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
}

/** The dependency direction of STYLE.md, as the lint rule enforces it. */
const cases: [string, string, boolean][] = [
  ['electron/core/x.ts', "import fs from 'node:fs'; export const a = fs;", true],
  ['electron/core/x.ts', "import { openDatabase } from '../../db'; export const a = openDatabase;", true],
  ['electron/core/x.ts', "import { startApp } from '../services/app'; export const a = startApp;", true],
  ['electron/contract/x.ts', "import { handlers } from '../services/handlers'; export const a = handlers;", true],
  ['electron/services/x.ts', "import { app } from 'electron'; export const a = app;", true],
  ['electron/services/x.ts', "import { hardenApp } from '../main/security'; export const a = hardenApp;", true],
  ['db/x.ts', "import { startApp } from '../electron/services/app'; export const a = startApp;", true],
  ['renderer/x.ts', "import fs from 'node:fs'; export const a = fs;", true],
  ['renderer/x.ts', "import { channels } from '../electron/contract'; export const a = channels;", true],
  ['renderer/x.ts', "import { channels } from '../electron/contract/index'; export const a = channels;", true],
  ['renderer/x.ts', "import { fail } from '../electron/contract/result'; export const a = fail;", true],
  ['renderer/x.ts', "import { openDatabase } from '../db'; export const a = openDatabase;", true],
  ['electron/preload/x.ts', "import { startApp } from '../services/app'; export const a = startApp;", true],
  // allowed
  ['renderer/x.ts', "import type { Result } from '../electron/contract'; export type A = Result<1>;", false],
  ['renderer/x.ts', "import { roleLabels } from '../electron/contract/labels'; export const a = roleLabels;", false],
  ['electron/services/x.ts', "import fs from 'node:fs'; export const a = fs;", false],
  ['electron/main/x.ts', "import { app } from 'electron'; export const a = app;", false],
  ['db/x.ts', "import fs from 'node:fs'; export const a = fs;", false],
];

describe('the import rule', () => {
  it.each(cases)('%s: %s → restricted %s', async (file, code, expected) => {
    expect(await restricted(file, code)).toBe(expected);
  });
});
