import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Outcome, admin, evaluator, register, selfId, stick, installations } from '../../support/exchange-pair';
import { samplePlan } from '../../support/sample-plan';

const { app, later } = installations();

type Replaced = { file: string; fingerprint: string; old: string; revocationFile: string | null };
type Overview = { self: { fingerprint: string }; nodes: { id: string; keyStatus: string; fingerprint: string }[] };
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

async function pair() {
  const city = await app();
  const county = await app();
  const usb = stick();
  later(usb.cleanup);
  await admin(county.app)('settings.update', { unitName: '示例县考评办' });
  await samplePlan(city.app);
  const c = evaluator(city.app);
  const k = evaluator(county.app);
  await register(c, k, usb.dir);
  return { city, county, usb, c, k, countyId: await selfId(k), cityId: await selfId(c) };
}

describe('exchange keys: replacement and revocation travel by file, like registration', () => {
  it('a routine replacement is handed over by the old key; what the old key signed is refused after', async () => {
    const { county, usb, c, k, cityId } = await pair();
    const oldPkg = await k<{ file: string }>('exchange.export', { nodeId: cityId, dir: usb.dir });
    const r = await admin(county.app)<Replaced>('exchange.replaceKeys', { dir: usb.dir, confirm: true });
    expect(r.revocationFile).toBeNull();
    expect(r.fingerprint).not.toBe(r.old);
    const seen = await c<{ replacesKnownKey: boolean; fingerprint: string }>('exchange.registrationInspect', {
      file: r.file,
    });
    expect(seen).toMatchObject({ replacesKnownKey: true, fingerprint: r.fingerprint });
    await c('exchange.registrationAccept', { file: r.file, relation: 'child', fingerprint: r.fingerprint });
    // the package the county wrote before the replacement: its key is now replaced at the city
    const refused = await c<Outcome>('exchange.inspect', { file: oldPkg.file });
    expect(refused).toMatchObject({ status: 'refused', stage: 'key' });
    const fresh = await k<{ file: string }>('exchange.export', { nodeId: cityId, dir: usb.dir });
    expect((await c<Outcome>('exchange.import', { file: fresh.file, confirm: true })).status).toBe('accepted');
  });

  it('a leaked key is revoked by its own signed file; a forged one is refused; the successor is compared', async () => {
    const { city, county, usb, c, k, countyId, cityId } = await pair();
    const leaked = await k<{ file: string }>('exchange.export', { nodeId: cityId, dir: usb.dir });
    const r = await admin(county.app)<Replaced>('exchange.replaceKeys', {
      dir: usb.dir,
      compromised: true,
      confirm: true,
    });
    expect(r.revocationFile).toMatch(/密钥吊销.*\.kprev$/);

    // a tampered revocation (another key named in it) is refused and changes nothing
    const bytes = fs.readFileSync(r.revocationFile!, 'utf8');
    const forged = r.revocationFile!.replace('.kprev', '-改.kprev');
    fs.writeFileSync(forged, bytes.replace('"密钥可能已泄露"', '"测试"'));
    expect(await fails(c('exchange.revocationImport', { file: forged }))).toMatch(/签名不对/);
    let ov = await c<Overview>('exchange.overview', {});
    expect(ov.nodes.find((n) => n.id === countyId)!.keyStatus).toBe('trusted');

    const done = await c<{ name: string; revoked: boolean }>('exchange.revocationImport', { file: r.revocationFile! });
    expect(done).toMatchObject({ name: '示例县考评办', revoked: true });
    ov = await c<Overview>('exchange.overview', {});
    expect(ov.nodes.find((n) => n.id === countyId)!.keyStatus).toBe('revoked');
    // whatever the leaked key signed is refused at the key stage, with the reason
    const refused = await c<Outcome>('exchange.inspect', { file: leaked.file });
    expect(refused).toMatchObject({ status: 'refused', stage: 'key' });
    expect(refused.message).toMatch(/吊销/);
    // nothing can be sent to the county until its new key is trusted
    expect(await fails(c('exchange.export', { nodeId: countyId, dir: usb.dir }))).toMatch(/没有可信的密钥/);

    // the successor carries no handover (a leaked key vouches for nothing): its fingerprint must be compared
    const seen = await c<{ replacesKnownKey: boolean }>('exchange.registrationInspect', { file: r.file });
    expect(seen.replacesKnownKey).toBe(false);
    expect(
      await fails(c('exchange.registrationAccept', { file: r.file, relation: 'child', fingerprint: r.old })),
    ).toMatch(/指纹与注册文件不一致/);
    await c('exchange.registrationAccept', { file: r.file, relation: 'child', fingerprint: r.fingerprint });
    const fresh = await k<{ file: string }>('exchange.export', { nodeId: cityId, dir: usb.dir });
    expect((await c<Outcome>('exchange.import', { file: fresh.file, confirm: true })).status).toBe('accepted');
    // importing the revocation again changes nothing; the revoked key can never be trusted again
    expect(await c<{ revoked: boolean }>('exchange.revocationImport', { file: r.revocationFile! })).toMatchObject({
      revoked: false,
    });
    // the county's own revocation file is not for the county to import
    expect(await fails(k('exchange.revocationImport', { file: r.revocationFile! }))).toMatch(/本机自己的吊销文件/);
    // an office that never knew the key has nothing to revoke
    const stranger = await app();
    expect(await fails(evaluator(stranger.app)('exchange.revocationImport', { file: r.revocationFile! }))).toMatch(
      /没有登记过/,
    );
    void city;
  });

  it('a clerk cannot replace the keys, and a registration file is not taken for a revocation', async () => {
    const { county, usb, c } = await pair();
    const reg = await evaluator(county.app)<{ file: string }>('exchange.registrationExport', { dir: usb.dir });
    expect(await fails(c('exchange.revocationImport', { file: reg.file }))).toMatch(/吊销文件内容不完整/);
    expect(await fails(evaluator(county.app)('exchange.replaceKeys', { dir: usb.dir, confirm: true }))).toBeTruthy();
  });
});
