import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fingerprint, signWith, verifyWith } from './crypto';

/**
 * A registration file (.kpreg): a node's name and public keys, signed by its own signing key, carried by USB to the
 * level above or below. A replacement also carries the old key's signature over the new keys, so the other office
 * sees it comes from the same installation; the fingerprint is still compared before it is trusted.
 */
export const REGISTRATION_EXT = '.kpreg';
const b64key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const sig = z.string().regex(/^[A-Za-z0-9+/]{86}==$/);

const body = z.strictObject({
  format: z.literal('kaoping-registration'),
  version: z.literal(1),
  nodeId: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  signPublic: b64key,
  boxPublic: b64key,
  createdAt: z.number().int(),
  previous: z.strictObject({ signPublic: b64key, signature: sig }).nullable(),
});
const file = body.extend({ signature: sig });
export type Registration = z.infer<typeof body>;

const canonical = (r: Registration) => Buffer.from(JSON.stringify(body.parse(r)), 'utf8');
/** What the old key signs when keys are replaced: the new keys, bound to the node. */
const handover = (r: Registration) => Buffer.from(`kaoping-key-handover\n${r.nodeId}\n${r.signPublic}\n${r.boxPublic}`);

export function makeRegistration(
  r: Omit<Registration, 'format' | 'version' | 'previous'>,
  signPrivate: string,
  previous: { signPublic: string; signPrivate: string } | null,
): Buffer {
  const reg: Registration = { format: 'kaoping-registration', version: 1, ...r, previous: null };
  if (previous)
    reg.previous = {
      signPublic: previous.signPublic,
      signature: signWith(previous.signPrivate, handover(reg)).toString('base64'),
    };
  const signature = signWith(signPrivate, canonical(reg)).toString('base64');
  return Buffer.from(JSON.stringify({ ...reg, signature }, null, 2), 'utf8');
}

export class RegistrationError extends Error {}

/** Reads and checks a registration file: its form, its own signature and, for a replacement, the old key's. */
export function readRegistration(bytes: Buffer): Registration & { fingerprint: string } {
  if (bytes.length > 16 * 1024) throw new RegistrationError('注册文件过大，不是考评系统的注册文件');
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RegistrationError('不是考评系统的注册文件（无法识别）');
  }
  const r = file.safeParse(raw);
  if (!r.success) throw new RegistrationError('注册文件内容不完整或已被改动');
  const { signature, ...reg } = r.data;
  if (!verifyWith(reg.signPublic, canonical(reg), Buffer.from(signature, 'base64')))
    throw new RegistrationError('注册文件的签名不对：文件被改动过');
  if (
    reg.previous &&
    !verifyWith(reg.previous.signPublic, handover(reg), Buffer.from(reg.previous.signature, 'base64'))
  )
    throw new RegistrationError('注册文件声称更换了密钥，但旧密钥的签名不对');
  return { ...reg, fingerprint: fingerprint(reg.signPublic, reg.boxPublic) };
}

export function registrationFileName(name: string, nodeId: string, createdAt: number): string {
  const safe = name.replace(/[^\p{L}\p{N}_-]+/gu, '').slice(0, 30) || '本机';
  const d = new Date(createdAt);
  const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
  // the node's id in the name: two installations not yet named (both “本机”) never overwrite each other's file
  return `${safe}-注册文件-${stamp}-${nodeId.replace(/[^0-9a-f]/gi, '').slice(0, 8)}${REGISTRATION_EXT}`;
}

/** Writes the file under a temporary name, flushes and renames it. */
export function writeDurably(dir: string, name: string, bytes: Buffer): string {
  fs.mkdirSync(dir, { recursive: true });
  const dest = path.join(dir, name);
  const tmp = path.join(dir, `.${name}.${process.pid}.part`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, dest);
  return dest;
}

/**
 * A revocation file (.kprev): "this key is no longer mine to trust", signed by the revoked key itself (the installation
 * still holds it when it learns the key leaked — a copied database, a lost backup). Any office that trusts the key
 * can check it without trusting anything new; the successor key still comes by a registration file whose fingerprint
 * is compared, since a leaked key must not vouch for its successor.
 */
export const REVOCATION_EXT = '.kprev';
const revocationBody = z.strictObject({
  format: z.literal('kaoping-revocation'),
  version: z.literal(1),
  nodeId: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  signPublic: b64key,
  revokedAt: z.number().int(),
  reason: z.string().max(200),
});
export type Revocation = z.infer<typeof revocationBody>;
const revocationText = (r: Revocation) =>
  Buffer.from(`kaoping-key-revocation\n${JSON.stringify(revocationBody.parse(r))}`, 'utf8');

export function makeRevocation(r: Omit<Revocation, 'format' | 'version'>, signPrivate: string): Buffer {
  const rev: Revocation = { format: 'kaoping-revocation', version: 1, ...r };
  const signature = signWith(signPrivate, revocationText(rev)).toString('base64');
  return Buffer.from(JSON.stringify({ ...rev, signature }, null, 2), 'utf8');
}

export function readRevocation(bytes: Buffer): Revocation {
  if (bytes.length > 16 * 1024) throw new RegistrationError('吊销文件过大，不是考评系统的吊销文件');
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RegistrationError('不是考评系统的吊销文件（无法识别）');
  }
  const r = revocationBody.extend({ signature: sig }).safeParse(raw);
  if (!r.success) throw new RegistrationError('吊销文件内容不完整或已被改动');
  const { signature, ...rev } = r.data;
  if (!verifyWith(rev.signPublic, revocationText(rev), Buffer.from(signature, 'base64')))
    throw new RegistrationError('吊销文件的签名不对：文件被改动过，或不是由被吊销的密钥签发的');
  return rev;
}

export function revocationFileName(name: string, nodeId: string, at: number): string {
  return registrationFileName(name, nodeId, at)
    .replace('-注册文件-', '-密钥吊销-')
    .replace(REGISTRATION_EXT, REVOCATION_EXT);
}
