import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../../electron/contract';
import {
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
  SESSION_HEADER,
  TOKEN_HEADER,
  type WebHost,
  nestedDeeperThan,
  startWebHost,
} from '../../../electron/hosts/web-host';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/static-files';
import { recentAudit } from '../../../db/repos/audit';
import { addUser, auditFromNow, signIn, snapshotRows, testApp, type TestApp } from '../../support/app';
import { sampled } from '../../support/full';
import { hostileInputs } from '../../support/hostile';
import { tempDir } from '../../support/tmp';

let t: TestApp;
let host: WebHost;
let staticRoot: string;
let cleanupStatic: () => void;
let session: string;

beforeAll(async () => {
  t = await testApp();
  const s = tempDir('kaoping-static-');
  staticRoot = path.join(s.dir, 'renderer');
  cleanupStatic = s.cleanup;
  fs.mkdirSync(path.join(staticRoot, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>考评</title>');
  fs.writeFileSync(path.join(staticRoot, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(s.dir, 'secret.txt'), 'outside the root');
  host = await startWebHost({ app: t.app, staticRoot });
  await addUser(t.app, '网页用户', 'admin');
  session = await signIn(t.app, '网页用户');
});
afterAll(async () => {
  await host.close();
  t.close();
  cleanupStatic();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request so that Host headers, methods and odd paths go out exactly as written. */
function raw(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

function callApi(body: unknown, headers: Record<string, string> = {}) {
  return raw({
    method: 'POST',
    path: '/api/call',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, [SESSION_HEADER]: session, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const deep = '['.repeat(6 * 1024 * 1024);

describe('the loopback host', () => {
  it('binds 127.0.0.1 only and prints a URL carrying the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call with the same Result the dispatcher gives, as the host caller', async () => {
    const r = await callApi({ channel: 'system.info', input: {} });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({
      ok: true,
      value: { transport: 'web', caller: { username: '网页用户' } },
    });
  });

  it('runs a write through the dispatcher: persisted and audited', async () => {
    const r = await callApi({ channel: 'settings.update', input: { unitName: '乙县考评办' } });
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { unitName: '乙县考评办' } });
    expect(recentAudit(t.app.opened.sqlite, 1)[0]).toMatchObject({ actor: '网页用户', action: 'settings.update' });
  });

  const refusals: [string, () => Promise<Raw>, number, string][] = [
    [
      'no token',
      () => callApi({ channel: 'settings.update', input: { unitName: '丙' } }, { [TOKEN_HEADER]: '' }),
      401,
      'UNAUTHENTICATED',
    ],
    [
      'a wrong token',
      () => callApi({ channel: 'settings.update', input: { unitName: '丙' } }, { [TOKEN_HEADER]: 'x'.repeat(32) }),
      401,
      'UNAUTHENTICATED',
    ],
    [
      'a token one character short',
      () => callApi({ channel: 'settings.update', input: { unitName: '丙' } }, { [TOKEN_HEADER]: host.token.slice(1) }),
      401,
      'UNAUTHENTICATED',
    ],
    [
      'a foreign Host header (DNS rebinding)',
      () => callApi({ channel: 'settings.update', input: { unitName: '丙' } }, { host: `evil.example:${host.port}` }),
      403,
      'FORBIDDEN',
    ],
    ['a body that is not JSON', () => callApi('{"channel": "settings.update", '), 400, 'INVALID_INPUT'],
    ['a JSON array', () => callApi([1, 2]), 400, 'INVALID_INPUT'],
    ['a body of 6 MB nested arrays', () => callApi(`{"channel":"system.info","input":${deep}}`), 400, 'INVALID_INPUT'],
    ['JSON null', () => callApi('null'), 400, 'INVALID_INPUT'],
    [
      'a body over the limit',
      () => callApi({ channel: 'settings.update', input: { unitName: 'x'.repeat(MAX_BODY_BYTES) } }),
      413,
      'TOO_LARGE',
    ],
    [
      'GET on the call endpoint',
      () => raw({ path: '/api/call', headers: { [TOKEN_HEADER]: host.token } }),
      405,
      'INVALID_INPUT',
    ],
    ['an unknown channel', () => callApi({ channel: 'db.drop', input: {} }), 200, 'UNKNOWN_CHANNEL'],
    [
      'no session',
      () => callApi({ channel: 'settings.update', input: { unitName: '丙' } }, { [SESSION_HEADER]: '' }),
      200,
      'UNAUTHENTICATED',
    ],
    [
      'a made-up session',
      () => callApi({ channel: 'settings.update', input: { unitName: '丙' } }, { [SESSION_HEADER]: 'A'.repeat(32) }),
      200,
      'UNAUTHENTICATED',
    ],
    ['no channel at all', () => callApi({ input: {} }), 200, 'UNKNOWN_CHANNEL'],
  ];

  it.each(refusals)('refuses %s with a Chinese error Result and writes nothing', async (_label, send, status, code) => {
    const before = snapshotRows(t.app, { auditTrail: false });
    const written = auditFromNow(t.app);
    const r = await send();
    expect(r.status).toBe(status);
    const body = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(snapshotRows(t.app, { auditTrail: false })).toBe(before);
    // what reaches the dispatcher and is refused there is recorded as a refused call, the rest is not
    const recorded = status === 200 ? 1 : 0;
    expect(written().map((e) => [e.action.startsWith('refused:'), JSON.parse(e.detail).code])).toEqual(
      recorded ? [[true, code]] : [],
    );
  });

  it('refuses a body nested too deep before parsing it, saying so in Chinese', async () => {
    const r = await callApi(`{"channel":"settings.update","input":{"unitName":${'['.repeat(MAX_JSON_DEPTH)}`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '提交的内容嵌套超过 64 层，不是本程序的调用，未处理。' },
    });
    // at the limit the body is parsed and the call judged as usual
    const nest = MAX_JSON_DEPTH - 1; // inside the body's own object
    const atLimit = `{"channel":"system.info","input":${'['.repeat(nest)}${']'.repeat(nest)}}`;
    const judged = JSON.parse((await callApi(atLimit)).body) as { error: { code: string; message: string } };
    expect(judged.error.code).toBe('INVALID_INPUT');
    expect(judged.error.message).not.toMatch(/嵌套/);
  });

  it('counts only the brackets outside strings, escaped quotes included', () => {
    const text = (s: string) => Buffer.from(s);
    expect(nestedDeeperThan(text('[[[]]]'), 3)).toBe(false);
    expect(nestedDeeperThan(text('[[[[]]]]'), 3)).toBe(true);
    expect(nestedDeeperThan(text('{"a":{"b":[1]}}'), 3)).toBe(false);
    expect(nestedDeeperThan(text('{"a":{"b":[[1]]}}'), 3)).toBe(true);
    expect(nestedDeeperThan(text(`["${'['.repeat(100)}"]`), 3)).toBe(false);
    // a string ending in an escaped backslash closes at the quote; an escaped quote does not close it
    expect(nestedDeeperThan(text(`["\\\\"${'['.repeat(4)}`), 3)).toBe(true);
    expect(nestedDeeperThan(text(`["\\\\\\"${'['.repeat(4)}"]`), 3)).toBe(false);
    expect(nestedDeeperThan(text(`["考评【】「」", [[]]]`), 3)).toBe(false);
    // depth comes back down: siblings never add up
    expect(nestedDeeperThan(text('[[[]],[[]],[[]],[[]]]'), 3)).toBe(false);
  });

  // the signed-in user is an administrator: only channels that role may call reach input validation
  // the dispatcher-level table (hostile-input.test.ts) covers each case; over HTTP every channel is
  // reached and a fixed sample of the rest is run, all of it under `npm run test:full`
  const hostile = sampled(
    channelNames
      .filter((name) => channels[name].access === 'public' || channels[name].roles.includes('admin'))
      .flatMap((name) => hostileInputs(name).map(([label, input]) => ({ name, label, input }))),
    { every: 4, label: (c) => `${c.name}: ${c.label}`, group: (c) => c.name },
  );
  it.each(hostile)('over HTTP, $name with $label is refused and writes nothing', async ({ name, input }) => {
    const before = snapshotRows(t.app);
    const r = await callApi({ channel: name, input });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(snapshotRows(t.app)).toBe(before);
  });

  it('serves the renderer with the CSP and nosniff', async () => {
    const r = await raw({ path: '/', headers: {} });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>考评</title>');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%00index.html',
    '/..\\secret.txt',
    '/missing.js',
  ])('answers 404 for %s and never leaks a file outside the renderer', async (p) => {
    const r = await raw({ path: p });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('outside the root');
  });

  it('refuses other methods on static paths', async () => {
    expect((await raw({ method: 'DELETE', path: '/index.html' })).status).toBe(405);
  });

  it('is still alive after all of the above', async () => {
    expect(JSON.parse((await callApi({ channel: 'settings.get', input: {} })).body)).toMatchObject({ ok: true });
  });
});
