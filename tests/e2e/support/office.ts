import fs from 'node:fs';
import { PASSWORD, type WebHostProcess, api, startHost } from './fixtures';

/**
 * Another installation beside the test's own (its own host process and data folder): set up by its first
 * administrator, named, its registration file written to `usb` as the other office would carry it over.
 */
export async function anotherOffice(
  unitName: string,
  usb: string,
): Promise<{
  host: WebHostProcess;
  admin: string;
  reg: { file: string; fingerprint: string };
  close(): Promise<void>;
}> {
  const host = await startHost({ seed: 'none' });
  const admin = (
    await api<{ sessionId: string }>(host, 'auth.setup', {
      username: 'qitaguanli',
      displayName: `${unitName}管理员`,
      password: PASSWORD,
    })
  ).sessionId;
  await api(host, 'settings.update', { unitName }, admin);
  const reg = await api<{ file: string; fingerprint: string }>(
    host,
    'exchange.registrationExport',
    { dir: usb },
    admin,
  );
  return {
    host,
    admin,
    reg,
    close: async () => {
      await host.stop();
      fs.rmSync(host.dataDir, { recursive: true, force: true });
    },
  };
}
