import {
  type KeyObject,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
} from 'node:crypto';

/**
 * The exchange's cryptography, Node's built-in crypto only (FORMAT.md): Ed25519 signatures, X25519 + HKDF-SHA256 for
 * a per-package key, AES-256-GCM in chunks in the manner of STREAM (a tag per chunk; the chunk index and a final flag
 * in the nonce, the header's hash as associated data), so a chunk is used only after it authenticated and a cut or
 * reordered body never decrypts.
 */

export interface KeyPairs {
  signPublic: string;
  boxPublic: string;
  signPrivate: string;
  boxPrivate: string;
}

const b64 = (b: Buffer) => b.toString('base64');
const rawOf = (k: KeyObject) => Buffer.from(k.export({ format: 'jwk' }).x!, 'base64url');

export function makeKeyPairs(): KeyPairs {
  const s = generateKeyPairSync('ed25519');
  const x = generateKeyPairSync('x25519');
  return {
    signPublic: b64(rawOf(s.publicKey)),
    boxPublic: b64(rawOf(x.publicKey)),
    signPrivate: b64(s.privateKey.export({ format: 'der', type: 'pkcs8' })),
    boxPrivate: b64(x.privateKey.export({ format: 'der', type: 'pkcs8' })),
  };
}

function publicKey(raw: string, crv: 'Ed25519' | 'X25519'): KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('公钥长度不正确');
  return createPublicKey({ key: { kty: 'OKP', crv, x: bytes.toString('base64url') }, format: 'jwk' });
}
const privateKey = (der: string) => createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });

/** The short fingerprint two offices compare by phone or on paper: 20 hex digits of both public keys, in groups. */
export function fingerprint(signPublic: string, boxPublic: string): string {
  const h = createHash('sha256').update('kaoping-node-keys\n').update(signPublic).update('\n').update(boxPublic);
  return h.digest('hex').slice(0, 20).toUpperCase().match(/.{4}/g)?.join('-') ?? '';
}

export const signWith = (signPrivate: string, data: Buffer): Buffer => sign(null, data, privateKey(signPrivate));

export function verifyWith(signPublic: string, data: Buffer, signature: Buffer): boolean {
  try {
    return signature.length === 64 && verify(null, data, publicKey(signPublic, 'Ed25519'), signature);
  } catch {
    return false;
  }
}

/** A fresh ephemeral X25519 pair for one package. */
export function ephemeral(): { public: string; private: KeyObject } {
  const x = generateKeyPairSync('x25519');
  return { public: b64(rawOf(x.publicKey)), private: x.privateKey };
}

const INFO = 'kaoping-exchange-v1 AES-256-GCM STREAM';

/** The package key: HKDF-SHA256 over X25519(ephemeral, recipient), salted with the package id, bound to both keys. */
function packageKey(shared: Buffer, packageId: string, eph: string, recipient: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(packageId), `${INFO}\n${eph}\n${recipient}`, 32));
}

export function senderKey(eph: KeyObject, ephPublic: string, recipientBox: string, packageId: string): Buffer {
  const shared = diffieHellman({ privateKey: eph, publicKey: publicKey(recipientBox, 'X25519') });
  return packageKey(shared, packageId, ephPublic, recipientBox);
}

export function recipientKey(boxPrivate: string, boxPublic: string, ephPublic: string, packageId: string): Buffer {
  const shared = diffieHellman({ privateKey: privateKey(boxPrivate), publicKey: publicKey(ephPublic, 'X25519') });
  return packageKey(shared, packageId, ephPublic, boxPublic);
}

export const CHUNK = 64 * 1024;
export const TAG = 16;
export const NONCE_PREFIX = 7;

/** nonce = prefix (7 bytes, random per package) ‖ chunk index (u32 BE) ‖ final flag (1 byte). */
function nonce(prefix: Buffer, index: number, final: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, NONCE_PREFIX);
  n.writeUInt32BE(index, NONCE_PREFIX);
  n[11] = final ? 1 : 0;
  return n;
}

export function sealChunk(key: Buffer, prefix: Buffer, aad: Buffer, index: number, final: boolean, plain: Buffer) {
  const c = createCipheriv('aes-256-gcm', key, nonce(prefix, index, final));
  c.setAAD(aad);
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
}

/** The chunk's plaintext, or null when it does not authenticate (altered, moved, cut, or not for this key). */
export function openChunk(
  key: Buffer,
  prefix: Buffer,
  aad: Buffer,
  index: number,
  final: boolean,
  sealed: Buffer,
): Buffer | null {
  if (sealed.length < TAG) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', key, nonce(prefix, index, final));
    d.setAAD(aad);
    d.setAuthTag(sealed.subarray(sealed.length - TAG));
    const out = d.update(sealed.subarray(0, sealed.length - TAG));
    d.final();
    return out;
  } catch {
    return null;
  }
}
