import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type BrowserWindow, type IpcMainInvokeEvent, app, dialog, ipcMain, protocol, shell } from 'electron';
import { fail } from '../contract';
import { type App, startApp } from '../services/app';
import { startBackupScheduler } from '../services/backup/scheduler';
import { APP_ENTRY, APP_HOST, APP_SCHEME, isAppUrl } from '../services/app-url';
import {
  APP_FOLDER,
  demoRequested,
  installedDataDir,
  locateAppRoot,
  readAppVersion,
  runDataDir,
} from '../services/data-dir';
import { commandLineArgs, runCommandLine } from '../hosts/cli-entry';
import { CONTENT_SECURITY_POLICY, contentType, resolveStatic } from '../services/static-files';
import { hardenApp, hardenSession } from './security';
import { systemPrinter } from '../services/print/run';
import { createMainWindow } from './window';

export const CALL_CHANNEL = 'kaoping:call';
/** A file sent as bytes (not base64 in a call), kept by the core under an id the call then names. */
export const UPLOAD_CHANNEL = 'kaoping:upload';

const root = locateAppRoot(__dirname);
const rendererRoot = path.join(root, 'dist', 'renderer');
app.setName(APP_FOLDER);
// `--demo` runs on the demonstration folder beside the real one (see README 演示数据)
const demo = demoRequested(process.argv);
const dataDir = runDataDir(
  installedDataDir(process.argv, process.env, process.execPath, path.join(app.getPath('appData'), APP_FOLDER)),
  demo,
);
app.setPath('userData', dataDir);

let mainWindow: BrowserWindow | null = null;

// `kaoping.exe unlock NAME` and the other commands run before any window or single-instance lock exists
const commandLine = commandLineArgs(process.argv.slice(1), { appPathFirst: !app.isPackaged });
if (commandLine) {
  app.disableHardwareAcceleration();
  app.dock?.hide();
  void runCommandLine(commandLine, {
    dataDir,
    demo,
    appRoot: root,
    nativeBinding: app.isPackaged ? undefined : electronNativeBinding(),
  }).then((code) => {
    // on Windows a pipe is written asynchronously: let the output reach it before the process ends
    process.stdout.write('', () => process.stderr.write('', () => app.exit(code)));
  });
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    hardenApp();
    app.whenReady().then(start, (e: unknown) => fatal(e));
  }
}

function fatal(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  dialog.showErrorBox('考评无法启动', message);
  app.exit(1);
}

/** A native module built for Electron's ABI by `npm run electron:native`, used in development. */
function electronNativeBinding(): string | undefined {
  const file = path.join(root, '.cache', `electron-abi-${process.versions.modules}`, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

async function start(): Promise<void> {
  let core: App;
  try {
    core = await startApp({
      dataDir,
      demo,
      appRoot: root,
      appVersion: readAppVersion(root),
      nativeBinding: app.isPackaged ? undefined : electronNativeBinding(),
      // the core names only registered files it has just checked against their hash
      openFile: (file) => shell.openPath(file),
      printFiles: systemPrinter(process.platform, process.env),
    });
  } catch (e) {
    fatal(e);
    return;
  }
  hardenSession();

  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStatic(rendererRoot, url.pathname) : null;
    if (!file) return new Response('未找到', { status: 404 });
    return new Response(fs.readFileSync(file), {
      headers: { 'content-type': contentType(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });

  const scheduler = startBackupScheduler(core);
  // only our own window's top frame, loaded from app://kaoping, may call in
  const foreign = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    if (mainWindow && frame && event.sender === mainWindow.webContents && frame.parent === null && isAppUrl(frame.url))
      return null;
    core.log.error(`refused IPC from ${frame?.url ?? 'unknown frame'}`);
    return fail('FORBIDDEN', '拒绝来自非本程序页面的调用。');
  };
  ipcMain.handle(CALL_CHANNEL, async (event, channel: unknown, input: unknown, sessionId: unknown) => {
    return foreign(event) ?? core.call(typeof sessionId === 'string' ? sessionId : null, 'electron', channel, input);
  });
  ipcMain.handle(
    UPLOAD_CHANNEL,
    async (event, kind: unknown, fileName: unknown, bytes: unknown, sessionId: unknown) => {
      const refused = foreign(event);
      if (refused) return refused;
      if (!(bytes instanceof Uint8Array)) return fail('INVALID_INPUT', '上传的内容不是文件。');
      return core.upload(typeof sessionId === 'string' ? sessionId : null, {
        kind,
        fileName,
        source: Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
        declaredSize: bytes.byteLength,
      });
    },
  );

  mainWindow = createMainWindow(path.join(__dirname, '..', 'preload', 'preload.cjs'));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.once('did-finish-load', () => process.stdout.write('KAOPING_READY electron\n'));
  await mainWindow.loadURL(APP_ENTRY);

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    scheduler.stop();
    core.close();
    app.quit();
  });
}
