import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { type Result, fail } from '../contract';
import type { App } from '../services/app';
import { CONTENT_SECURITY_POLICY, contentType, resolveStatic } from '../services/static-files';

/** A call's JSON body; files do not travel in it but through UPLOAD_PATH, each kind to its own limit. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const UPLOAD_PATH = '/api/upload';
/** No call's input comes near this; a body nested deeper is refused before JSON.parse spends seconds on it. */
export const MAX_JSON_DEPTH = 64;
export const TOKEN_HEADER = 'x-kaoping-token';
export const SESSION_HEADER = 'x-kaoping-session';

export interface WebHostOptions {
  app: App;
  staticRoot: string;
  port?: number;
  /** Random per run unless a test passes one. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendResult(res: http.ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const [OPEN_ARRAY, OPEN_OBJECT, CLOSE_ARRAY, CLOSE_OBJECT] = [0x5b, 0x7b, 0x5d, 0x7d];

/**
 * Whether JSON text nests arrays and objects deeper than `max`, in one pass over the bytes, stopping at the
 * first level too deep. Brackets inside strings do not count (escapes are skipped); no byte of a multi-byte
 * UTF-8 character is ASCII, so bytes are as good as characters here. Invalid JSON is left to JSON.parse.
 */
export function nestedDeeperThan(body: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--;
  }
  return false;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve('too-large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * POST /api/upload?kind=excel&name=…: the raw bytes of one file, streamed into the data folder's tmp with the same
 * token and session checks as a call; the answer is the upload's id, which the channel then names. A stream past
 * the kind's limit is cut off there, an interrupted one leaves no file.
 */
async function receiveUpload(app: App, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  // the request itself is never destroyed by the store: the answer (413, interrupted) must still go out on it
  const body = new PassThrough();
  req.pipe(body);
  // an abort after the store is done with the stream has no one left to tell
  body.on('error', () => {});
  req.on('error', (e) => body.destroy(e));
  req.on('close', () => {
    if (!req.complete) body.destroy(new Error('aborted'));
  });
  const length = req.headers['content-length'];
  const session = req.headers[SESSION_HEADER];
  const result = await app.upload(typeof session === 'string' ? session : null, {
    kind: url.searchParams.get('kind'),
    fileName: url.searchParams.get('name'),
    source: body,
    declaredSize: length === undefined ? undefined : Number(length),
  });
  if (result.ok || req.complete) {
    sendResult(res, result.ok ? 200 : result.error.code === 'TOO_LARGE' ? 413 : 400, result);
    return;
  }
  // refused before the whole body came: answer, then close the connection rather than read the rest
  req.unpipe(body);
  res.setHeader('connection', 'close');
  sendResult(res, result.error.code === 'TOO_LARGE' ? 413 : 400, result);
  res.on('finish', () => req.destroy());
}

/**
 * The loopback transport: serves the built renderer and answers POST /api/call with the
 * dispatcher's Result. It binds 127.0.0.1 only, checks the Host header (against DNS
 * rebinding) and demands this run's random token on every call.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      opts.app.log.error('web host request failed', e);
      if (!res.headersSent) sendResult(res, 500, fail('INTERNAL', '请求处理失败，数据未改动。'));
      else res.end();
    });
  });

  /** A call or an upload: POST only, with the token of the address the host printed. Answers the refusal itself. */
  function refused(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (req.method !== 'POST') {
      sendResult(res, 405, fail('INVALID_INPUT', '调用方式不正确。'));
      return true;
    }
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      req.resume();
      sendResult(res, 401, fail('UNAUTHENTICATED', '访问凭据缺失或无效，请使用启动时显示的地址重新打开。'));
      return true;
    }
    return false;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendResult(res, 403, fail('FORBIDDEN', '只接受本机地址的访问。'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === UPLOAD_PATH) {
      if (refused(req, res)) return;
      await receiveUpload(opts.app, req, res, url);
      return;
    }
    if (url.pathname === '/api/call') {
      if (refused(req, res)) return;
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === 'too-large') {
        sendResult(res, 413, fail('TOO_LARGE', `提交的内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，未处理。`));
        return;
      }
      if (nestedDeeperThan(body, MAX_JSON_DEPTH)) {
        sendResult(
          res,
          400,
          fail('INVALID_INPUT', `提交的内容嵌套超过 ${MAX_JSON_DEPTH} 层，不是本程序的调用，未处理。`),
        );
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        sendResult(res, 400, fail('INVALID_INPUT', '提交的内容不是有效的数据格式。'));
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        sendResult(res, 400, fail('INVALID_INPUT', '提交的内容不是有效的数据格式。'));
        return;
      }
      const { channel, input } = parsed as { channel?: unknown; input?: unknown };
      const session = req.headers[SESSION_HEADER];
      const result = await opts.app.call(typeof session === 'string' ? session : null, 'web', channel, input);
      sendResult(res, 200, result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendResult(res, 405, fail('INVALID_INPUT', '调用方式不正确。'));
      return;
    }
    const file = resolveStatic(opts.staticRoot, url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('未找到');
      return;
    }
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
