// Lint: typescript-eslint's recommended rules plus the dependency direction of STYLE.md:
// renderer → contract (types; plain labels) · preload → contract · main → contract, services, core, db ·
// hosts → contract, services, db · services → contract, core, db · db → core · core → vocab · vocab → nothing.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'Node 内置模块不属于这一层。' };
const electronOnly = { name: 'electron', message: 'electron 只能在 electron/main 与 electron/preload 使用。' };
const noDeps = (...names) =>
  names.map((n) => ({ group: [n, `${n}/**`], message: '依赖方向不允许此导入（见 STYLE.md）。' }));

const restrict = (files, paths, patterns, extra = {}) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns, ...extra }] },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      // prettier formats to 120 columns; this keeps the lines it cannot break (strings, comments) within it too
      'max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  restrict(
    ['electron/core/**'],
    [electronOnly, { name: 'better-sqlite3' }, { name: 'drizzle-orm' }, { name: 'zod' }],
    [
      nodeBuiltins,
      ...noDeps('**/services', '**/main', '**/preload', '**/hosts', '**/db', '**/renderer', '**/contract'),
    ],
  ),
  // the vocabularies are plain data every layer derives from: they import nothing
  restrict(
    ['electron/vocab/**'],
    [electronOnly, { name: 'better-sqlite3' }, { name: 'drizzle-orm' }, { name: 'zod' }],
    [
      nodeBuiltins,
      ...noDeps('**/services', '**/main', '**/preload', '**/hosts', '**/db', '**/renderer', '**/contract', '**/core'),
    ],
  ),
  restrict(
    ['electron/contract/**'],
    [electronOnly, { name: 'better-sqlite3' }, { name: 'drizzle-orm' }],
    [nodeBuiltins, ...noDeps('**/services', '**/main', '**/preload', '**/hosts', '**/db', '**/renderer', '**/core')],
  ),
  restrict(
    ['electron/services/**', 'electron/hosts/**'],
    [electronOnly],
    [...noDeps('**/main', '**/preload', '**/renderer')],
  ),
  restrict(
    ['db/**'],
    [electronOnly],
    [...noDeps('**/electron/services', '**/electron/main', '**/electron/hosts', '**/renderer')],
  ),
  restrict(
    ['electron/preload/**'],
    [],
    [nodeBuiltins, ...noDeps('**/services', '**/main', '**/hosts', '**/db', '**/renderer', '**/core')],
  ),
  restrict(['electron/main/**'], [], [...noDeps('**/renderer', '**/preload')]),
  {
    files: ['renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, { name: 'better-sqlite3' }, { name: 'drizzle-orm' }],
          patterns: [
            nodeBuiltins,
            ...noDeps('**/electron/services', '**/electron/main', '**/electron/hosts', '**/db', '**/electron/core'),
            {
              regex: 'electron/contract(/(?!labels$)[^/]+)*$',
              allowTypeImports: true,
              message: '界面只从 contract 导入类型；标签等取值请从 electron/contract/labels 导入。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**', 'build/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
