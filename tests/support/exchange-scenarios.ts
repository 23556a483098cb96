import type { TestApp } from './app';
import { caller } from './sample-plan';
import { tempDir } from './tmp';
import type { Scenario } from './write-scenarios';
import type { World } from './world';

/** Write scenarios of the exchange channels (#20): a second installation of the world's, and a folder as the stick. */
const stickDir = () => tempDir().dir;

async function peerOf(w: World): Promise<{ peer: TestApp; dir: string }> {
  const peer = await w.fresh();
  const dir = stickDir();
  const here = caller(w.app);
  const there = caller(peer.app);
  const mine = await here<{ file: string; fingerprint: string }>('exchange.registrationExport', { dir });
  const theirs = await there<{ file: string; fingerprint: string }>('exchange.registrationExport', { dir });
  await here('exchange.registrationAccept', { file: theirs.file, relation: 'child', fingerprint: theirs.fingerprint });
  await there('exchange.registrationAccept', { file: mine.file, relation: 'parent', fingerprint: mine.fingerprint });
  return { peer, dir };
}

export const exchangeScenarios: Record<string, Scenario> = {
  'exchange.registrationExport': async () => ({ input: { dir: stickDir() } }),
  'exchange.registrationAccept': async (w) => {
    const peer = await w.fresh();
    const r = await caller(peer.app)<{ file: string; fingerprint: string }>('exchange.registrationExport', {
      dir: stickDir(),
    });
    return { input: { file: r.file, relation: 'child', fingerprint: r.fingerprint } };
  },
  // the child is the installation of one unit (a department's PC)
  'exchange.bindUnit': async (w) => {
    const { peer } = await peerOf(w);
    const units = await caller(w.app)<{ id: number }[]>('units.list', {});
    return { input: { nodeId: peer.app.env.nodeId, unitId: units[0]!.id } };
  },
  'exchange.replaceKeys': async () => ({ as: 'admin', input: { dir: stickDir(), confirm: true } }),
  'exchange.revoke': async (w) => {
    const { peer } = await peerOf(w);
    return { as: 'admin', input: { nodeId: peer.app.env.nodeId, confirm: true } };
  },
  // the child's key leaked: it replaces its keys as compromised and its revocation file is read here
  'exchange.revocationImport': async (w) => {
    const { peer, dir } = await peerOf(w);
    const r = await caller(
      peer.app,
      'admin',
      '管理员',
    )<{ revocationFile: string }>('exchange.replaceKeys', {
      dir,
      compromised: true,
      confirm: true,
    });
    return { input: { file: r.revocationFile } };
  },
  'exchange.export': async (w) => {
    const { peer, dir } = await peerOf(w);
    return { input: { nodeId: peer.app.env.nodeId, dir } };
  },
  // a receipt coming back: it acknowledges what was sent and writes no travelling row
  'exchange.import': async (w) => {
    const { peer, dir } = await peerOf(w);
    const sent = await caller(w.app)<{ file: string }>('exchange.export', { nodeId: peer.app.env.nodeId, dir });
    const r = await caller(peer.app)<{ receiptFile: string }>('exchange.import', { file: sent.file, confirm: true });
    return { input: { file: r.receiptFile, confirm: true } };
  },
};
