import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../../electron/contract/upload-limits';
import {
  SESSION_HEADER,
  TOKEN_HEADER,
  UPLOAD_PATH,
  type WebHost,
  startWebHost,
} from '../../../electron/hosts/web-host';
import { addUser, signIn, snapshotRows, testApp, type TestApp } from '../../support/app';
import { repoRoot, tempDir } from '../../support/tmp';

let t: TestApp;
let host: WebHost;
let cleanupStatic: () => void;
let kpy: string;
let other: string;

beforeAll(async () => {
  t = await testApp();
  const s = tempDir('kaoping-static-');
  cleanupStatic = s.cleanup;
  host = await startWebHost({ app: t.app, staticRoot: s.dir });
  await addUser(t.app, 'kpy', 'evaluator');
  await addUser(t.app, 'kpy2', 'evaluator');
  kpy = await signIn(t.app, 'kpy');
  other = await signIn(t.app, 'kpy2');
});
afterAll(async () => {
  await host.close();
  t.close();
  cleanupStatic();
});

interface Answer {
  status: number;
  result: { ok: boolean; value?: { uploadId: string; size: number }; error?: { code: string; message: string } };
}

function answer(res: http.IncomingMessage): Promise<Answer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode!, result: JSON.parse(Buffer.concat(chunks).toString()) }));
  });
}

/** Starts an upload; the caller writes the body (or not) and ends it. */
function start(kind: string, name: string, headers: Record<string, string | number> = {}) {
  let resolveAnswer!: (a: Answer) => void;
  const answered = new Promise<Answer>((r) => (resolveAnswer = r));
  const req = http.request(
    {
      host: '127.0.0.1',
      port: host.port,
      method: 'POST',
      path: `${UPLOAD_PATH}?kind=${kind}&name=${encodeURIComponent(name)}`,
      headers: { [TOKEN_HEADER]: host.token, [SESSION_HEADER]: kpy, ...headers },
    },
    (res) => void answer(res).then(resolveAnswer),
  );
  req.on('error', () => {});
  return { req, answered };
}

function upload(kind: string, name: string, body: Buffer, headers: Record<string, string | number> = {}) {
  const { req, answered } = start(kind, name, { 'content-length': body.length, ...headers });
  req.end(body);
  return answered;
}

function call(session: string, channel: string, input: unknown) {
  const { req, answered } = (() => {
    let done!: (a: Answer) => void;
    const p = new Promise<Answer>((r) => (done = r));
    const body = JSON.stringify({ channel, input });
    const r = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/call',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, [SESSION_HEADER]: session },
      },
      (res) => void answer(res).then(done),
    );
    r.end(body);
    return { req: r, answered: p };
  })();
  void req;
  return answered;
}

/** Files held for uploads right now, finished or not. */
function held(): string[] {
  const tmp = path.join(t.dir, 'tmp');
  return fs
    .readdirSync(tmp)
    .filter((d) => d.startsWith('uploads-'))
    .flatMap((d) => fs.readdirSync(path.join(tmp, d)));
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

const people = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/org/sample-units.xlsx'));

describe('the upload endpoint', () => {
  it('takes a workbook as a file and hands its id to the import, for its uploader only', async () => {
    const up = await upload('excel', '单位.xlsx', people);
    expect(up).toMatchObject({ status: 200, result: { ok: true, value: { size: people.length } } });
    const uploadId = up.result.value!.uploadId;
    const preview = await call(kpy, 'units.importPreview', { fileName: '单位.xlsx', uploadId });
    expect(preview.result).toMatchObject({ ok: true, value: { counts: { create: 8, error: 0 } } });
    const stranger = await call(other, 'units.importPreview', { fileName: '单位.xlsx', uploadId });
    expect(stranger.result.error?.message).toBe('上传的文件已过期或不存在，请重新选择文件。');
  });

  it('says plainly what is wrong with a file that is not a workbook, and writes nothing', async () => {
    const before = snapshotRows(t.app);
    const up = await upload('excel', '名单.xlsx', Buffer.from('这不是表格'));
    const uploadId = up.result.value!.uploadId;
    const preview = await call(kpy, 'units.importPreview', { fileName: '名单.xlsx', uploadId });
    expect(preview.result.error?.message).toBe('文件“名单.xlsx”不是有效的 Excel（.xlsx）或 CSV 文件，未读取。');
    expect(snapshotRows(t.app)).toBe(before);
  });

  it('takes a 9.5 MB attachment that the JSON body limit would have refused', async () => {
    const body = Buffer.alloc(9.5 * 1024 * 1024, 7);
    const up = await upload('attachment', '佐证.pdf', body);
    expect(up).toMatchObject({ status: 200, result: { ok: true, value: { size: body.length } } });
  });

  it('checks the token and the session as a call does, and keeps nothing it refused', async () => {
    const before = held().length;
    const noToken = await upload('excel', 'a.xlsx', people, { [TOKEN_HEADER]: 'nope' });
    expect(noToken).toMatchObject({ status: 401, result: { error: { code: 'UNAUTHENTICATED' } } });
    const noSession = await upload('excel', 'a.xlsx', people, { [SESSION_HEADER]: '' });
    expect(noSession.result.error).toEqual({ code: 'UNAUTHENTICATED', message: '尚未登录或登录已失效，请重新登录。' });
    const badKind = await upload('program', 'a.exe', people);
    expect(badKind.result.error?.message).toBe('上传的文件类别不正确，请确认程序版本一致。');
    expect(held().length).toBe(before);
  });

  it('refuses a declared size past the limit before reading, in the limit the button states', async () => {
    const before = snapshotRows(t.app);
    const { req, answered } = start('excel', '大.xlsx', { 'content-length': UPLOAD_LIMITS.excel.bytes + 1 });
    req.write(Buffer.alloc(1024));
    const a = await answered;
    req.destroy();
    expect(a).toMatchObject({ status: 413, result: { error: { code: 'TOO_LARGE' } } });
    expect(a.result.error!.message).toBe('文件“大.xlsx”超过 20 MB，未接收。请拆分后导入。');
    expect(snapshotRows(t.app)).toBe(before);
  });

  it('cuts off a stream that passes the limit without declaring its size, leaving no file', async () => {
    const before = held().length;
    const { req, answered } = start('calendar', '日历.xlsx', { 'transfer-encoding': 'chunked' });
    const chunk = Buffer.alloc(256 * 1024, 1);
    let sent = 0;
    const pump = () => {
      while (sent <= UPLOAD_LIMITS.calendar.bytes + chunk.length && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    pump();
    const a = await answered;
    req.destroy();
    expect(a).toMatchObject({ status: 413, result: { error: { code: 'TOO_LARGE' } } });
    expect(a.result.error!.message).toContain('超过 2 MB');
    await until(() => held().length === before);
  });

  it('leaves no file when the upload is killed mid-stream', async () => {
    const before = held().length;
    const { req } = start('attachment', '半截.pdf', { 'content-length': 4 * 1024 * 1024 });
    req.write(Buffer.alloc(512 * 1024, 3));
    await until(() => held().some((f) => f.endsWith('.part')));
    req.destroy();
    await until(() => held().length === before);
  });
});
