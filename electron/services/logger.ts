import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Appends to <dataDir>/logs/kaoping.log; full stacks go here, never to the user. */
export function fileLogger(dataDir: string, echo = false): Logger {
  const dir = path.join(dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'kaoping.log');
  const write = (level: string, message: string) => {
    const line = `${new Date().toISOString()} ${level} ${message}\n`;
    fs.appendFileSync(file, line);
    if (echo) process.stderr.write(line);
  };
  return {
    info: (m) => write('INFO', m),
    error: (m, e) =>
      write('ERROR', e instanceof Error ? `${m}\n${e.stack ?? e.message}` : `${m} ${e === undefined ? '' : String(e)}`),
  };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
