import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, locateAppRoot, resolveDataDir } from '../services/data-dir';
import { runCommandLine } from './cli-entry';

// `kaoping …` under Node (package.json bin); the installed program reaches the same runCommandLine from main
const root = locateAppRoot(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = resolveDataDir(process.argv, process.env, defaultDataDir(process.platform, process.env, os.homedir()));
void runCommandLine(process.argv.slice(2), { dataDir, appRoot: root }).then((code) => {
  process.exitCode = code;
});
