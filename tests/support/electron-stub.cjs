// Loaded with `node --require` in place of the electron module, so Electron's main bundle can run under plain
// Node in a test: it answers what main asks before a window exists and fails loudly if a window is made.
/* eslint-disable @typescript-eslint/no-require-imports -- node --require loads CommonJS only */
const Module = require('node:module');
const os = require('node:os');

const fail = (what) => () => {
  process.stderr.write(`ELECTRON_STUB: ${what}\n`);
  process.exit(99);
};
const stub = {
  app: {
    isPackaged: process.env.STUB_PACKAGED === '1',
    setName() {},
    setPath() {},
    getPath: () => os.tmpdir(),
    disableHardwareAcceleration() {},
    dock: undefined,
    exit: (code) => process.exit(code),
    quit: fail('app.quit'),
    requestSingleInstanceLock: fail('requestSingleInstanceLock (the windowed start)'),
    whenReady: fail('whenReady (the windowed start)'),
    on() {},
  },
  BrowserWindow: fail('new BrowserWindow'),
  protocol: { registerSchemesAsPrivileged: fail('protocol.registerSchemesAsPrivileged (the windowed start)') },
  dialog: { showErrorBox: fail('dialog.showErrorBox') },
  ipcMain: {},
  session: {},
  shell: {},
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? __filename : resolve.call(this, request, ...rest);
};
require.cache[__filename] = { id: __filename, filename: __filename, loaded: true, exports: stub };
