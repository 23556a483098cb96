import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from '../services/app';
import { startBackupScheduler } from '../services/backup/scheduler';
import {
  defaultDataDir,
  demoRequested,
  locateAppRoot,
  readAppVersion,
  resolveDataDir,
  runDataDir,
} from '../services/data-dir';
import { fileLogger } from '../services/logger';
import { flagString, parseArgs } from './args';
import { startWebHost } from './web-host';

/** `npm run web`: the loopback browser host. Prints one KAOPING_READY line tests wait for. */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = locateAppRoot(path.dirname(fileURLToPath(import.meta.url)));
  const demo = demoRequested(process.argv);
  const dataDir = runDataDir(
    resolveDataDir(process.argv, process.env, defaultDataDir(process.platform, process.env, os.homedir())),
    demo,
  );
  const staticRoot = path.resolve(flagString(args, 'static') ?? path.join(root, 'dist', 'renderer'));
  const app = await startApp({
    dataDir,
    demo,
    appRoot: root,
    appVersion: readAppVersion(root),
    log: fileLogger(dataDir, !!process.env.KAOPING_LOG_ECHO),
  });
  const host = await startWebHost({
    app,
    staticRoot,
    port: Number(flagString(args, 'port') ?? 0),
  });
  const scheduler = startBackupScheduler(app);
  process.stdout.write(`考评（浏览器模式${demo ? '，演示数据' : ''}）已启动，数据目录：${dataDir}\n`);
  process.stdout.write(`请在本机浏览器打开：${host.url}\n`);
  process.stdout.write(`KAOPING_READY ${host.url}\n`);
  const stop = () => {
    scheduler.stop();
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`考评浏览器模式启动失败：${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
