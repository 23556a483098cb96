// Bundles the Node-side entries (Electron main, preload, command line, web host) with esbuild.
// Native and Electron modules stay external; import.meta.url is mapped for the CJS output.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', target: 'chrome140' }),
  build({
    ...common,
    entryPoints: ['electron/hosts/cli.ts'],
    outfile: 'dist/cli/cli.cjs',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  }),
  build({ ...common, entryPoints: ['electron/hosts/web.ts'], outfile: 'dist/web/web.cjs' }),
]);
