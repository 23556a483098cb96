import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt: N=2^17, r=8, p=1 (128 MiB per hash). */
export const OWASP_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };
const KEY_LEN = 32;

function derive(password: string, salt: Buffer, prm: ScryptParams): Promise<Buffer> {
  const N = 2 ** prm.log2N;
  return new Promise((resolve, reject) =>
    // Node's default maxmem (32 MiB) is below what N=2^17, r=8 needs (128·N·r bytes)
    scrypt(password.normalize('NFC'), salt, KEY_LEN, { N, r: prm.r, p: prm.p, maxmem: 256 * N * prm.r }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, prm: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, prm);
  return ['scrypt', prm.log2N, prm.r, prm.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export function parseHash(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![log2N, r, p].every((n) => Number.isInteger(n) && n > 0) || log2N > 22) return null;
  return { log2N, r, p, salt: Buffer.from(parts[4]!, 'base64'), key: Buffer.from(parts[5]!, 'base64') };
}

/** Checks a password; `upgrade` says the stored hash used other parameters than today's. */
export async function verifyPassword(
  password: string,
  stored: string,
  current: ScryptParams,
): Promise<{ ok: boolean; upgrade: boolean }> {
  const h = parseHash(stored);
  if (!h) return { ok: false, upgrade: false };
  const key = await derive(password, h.salt, h);
  const ok = key.length === h.key.length && timingSafeEqual(key, h.key);
  return { ok, upgrade: ok && (h.log2N !== current.log2N || h.r !== current.r || h.p !== current.p) };
}

/** Spent on unknown user names so that they take as long as wrong passwords. */
export async function burnPasswordCheck(password: string, prm: ScryptParams): Promise<void> {
  await derive(password, Buffer.alloc(16), prm);
}
