import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEMO_FLAG,
  defaultDataDir,
  demoRequested,
  locateAppRoot,
  resolveDataDir,
  runDataDir,
} from '../services/data-dir';
import { runCommandLine } from './cli-entry';

// `kaoping …` under Node (package.json bin); the installed program reaches the same runCommandLine from main
const root = locateAppRoot(path.dirname(fileURLToPath(import.meta.url)));
const demo = demoRequested(process.argv);
const dataDir = runDataDir(
  resolveDataDir(process.argv, process.env, defaultDataDir(process.platform, process.env, os.homedir())),
  demo,
);
const args = process.argv.slice(2).filter((a) => a !== DEMO_FLAG);
void runCommandLine(args, { dataDir, demo, appRoot: root }).then((code) => {
  process.exitCode = code;
});
