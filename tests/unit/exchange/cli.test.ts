import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, testApp, type TestApp } from '../../support/app';
import { runCliOn } from '../../support/cli';
import { admin, stick } from '../../support/exchange-pair';
import { samplePlan } from '../../support/sample-plan';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
async function office(name: string): Promise<TestApp> {
  const t = await testApp();
  cleanups.push(t.close);
  await admin(t.app)('settings.update', { unitName: name });
  await addUser(t.app, 'guanli', 'admin');
  await addUser(t.app, 'kaoping', 'evaluator');
  return t;
}
const fingerprintIn = (out: string) => /指纹[：\s]*([0-9A-F]{4}(?:-[0-9A-F]{4}){4})/.exec(out)![1]!;

describe('kaoping exchange on the command line, as an office scripts its transfers', () => {
  it('registers, exports, verifies, imports, reads the receipt; replaces a leaked key, revokes by file', async () => {
    const city = await office('示例市考评办');
    const county = await office('示例县考评办');
    await samplePlan(city.app);
    await admin(city.app)('settings.update', { unitName: '示例市考评办' });
    const usb = stick();
    cleanups.push(usb.cleanup);
    const onCity = (a: string[]) => runCliOn(city.app, [...a, '--as', a.includes('--yes') ? 'guanli' : 'kaoping']);
    const onCounty = (a: string[]) => runCliOn(county.app, [...a, '--as', a.includes('--yes') ? 'guanli' : 'kaoping']);

    const up = await onCounty(['exchange', 'register', 'export', '--dir', usb.dir]);
    const down = await onCity(['exchange', 'register', 'export', '--dir', usb.dir]);
    expect(up.code, up.err).toBe(0);
    const upFile = /注册文件：(.+)/.exec(up.out)![1]!;
    const downFile = /注册文件：(.+)/.exec(down.out)![1]!;
    // without the fingerprint the command shows it and stops
    const shown = await onCity(['exchange', 'register', 'import', upFile]);
    expect(shown.code).toBe(2);
    expect(shown.err).toMatch(/核对指纹/);
    const wrong = await onCity([
      'exchange',
      'register',
      'import',
      upFile,
      '--relation',
      'child',
      '--fingerprint',
      'AAAA',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/指纹与注册文件不一致/);
    expect(
      (
        await onCity([
          'exchange',
          'register',
          'import',
          upFile,
          '--relation',
          'child',
          '--fingerprint',
          fingerprintIn(up.out),
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await onCounty([
          'exchange',
          'register',
          'import',
          downFile,
          '--relation',
          'parent',
          '--fingerprint',
          fingerprintIn(down.out),
        ])
      ).code,
    ).toBe(0);
    const nodes = await onCity(['exchange', 'nodes']);
    expect(nodes.out).toMatch(/下级：示例县考评办/);

    const sent = await onCity(['exchange', 'export', '--to', '示例县考评办', '--dir', usb.dir]);
    expect(sent.code, sent.err).toBe(0);
    const pkg = /已导出并校验：(.+)/.exec(sent.out)![1]!;
    expect(fs.existsSync(pkg)).toBe(true);
    const verify = await onCounty(['exchange', 'verify', pkg]);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toMatch(/以上为试导入，未写入/);
    // the steps go to stderr, so a script reading stdout is not disturbed
    expect(verify.err).toMatch(/核对并解密：\d+ \/ \d+/);
    const imported = await onCounty(['exchange', 'import', pkg, '--commit']);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.err).toMatch(/逐条校验并写入：\d+ \/ \d+/);
    const receipt = /回执已写到：(.+?)（/.exec(imported.out)![1]!;
    expect((await onCity(['exchange', 'import', receipt, '--commit'])).code).toBe(0);
    const receipts = await onCity(['exchange', 'receipts']);
    expect(receipts.out).toMatch(/示例县考评办/);

    // the county's key leaked: without --yes nothing changes; with it, a revocation file and a new registration
    const asked = await onCounty(['exchange', 'keys', 'replace', '--dir', usb.dir, '--compromised']);
    expect(asked.code).toBe(2);
    const replaced = await onCounty(['exchange', 'keys', 'replace', '--dir', usb.dir, '--compromised', '--yes']);
    expect(replaced.code, replaced.err).toBe(0);
    const revFile = /吊销文件：(.+?)（/.exec(replaced.out)![1]!;
    expect(path.extname(revFile)).toBe('.kprev');
    const rev = await onCity(['exchange', 'revocation', 'import', revFile]);
    expect(rev.code, rev.err).toBe(0);
    expect(rev.out).toMatch(/已吊销“示例县考评办”的密钥/);
    const blocked = await onCity(['exchange', 'export', '--to', '示例县考评办', '--dir', usb.dir]);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toMatch(/没有可信的密钥/);

    // the city's own key revoked by hand, when the other office's PC is lost (an evaluator may not)
    const clerkTry = await runCliOn(county.app, [
      'exchange',
      'revoke',
      '--node',
      '示例市考评办',
      '--yes',
      '--as',
      'kaoping',
    ]);
    expect(clerkTry.code).toBe(1);
    const byAdmin = await onCounty(['exchange', 'revoke', '--node', '示例市考评办', '--yes']);
    expect(byAdmin.code, byAdmin.err).toBe(0);
    expect((await onCounty(['exchange', 'nodes'])).out).toMatch(/上级：示例市考评办.*revoked/);
  });
});
