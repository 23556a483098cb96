// The esbuild options of each Node-side entry; build-node.mjs builds them, a unit test inspects them.
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

export const targets = {
  main: { ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs' },
  // a sandboxed preload may only require('electron'): no banner, nothing external but electron
  preload: {
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
    define: {},
    banner: {},
  },
  cli: {
    ...common,
    entryPoints: ['electron/hosts/cli.ts'],
    outfile: 'dist/cli/cli.cjs',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  },
  web: { ...common, entryPoints: ['electron/hosts/web.ts'], outfile: 'dist/web/web.cjs' },
  // the document render workers every host starts (electron/services/documents/pool.ts finds them here)
  renderWorker: {
    ...common,
    entryPoints: ['electron/services/documents/render-worker.ts'],
    outfile: 'dist/workers/render-worker.cjs',
  },
};
