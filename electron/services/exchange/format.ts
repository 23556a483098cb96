import { z } from 'zod';

/**
 * The package file (FORMAT.md):
 *   MAGIC (8 bytes "KPXPKG01") ‖ body (the sealed chunks) ‖ header (UTF-8 JSON) ‖ header length (u32 BE) ‖
 *   signature (64 bytes, Ed25519 over MAGIC ‖ header ‖ header length).
 * The header comes last so that a package of any size is written in one pass; it states who sent it to whom, its
 * sequence, the sender's audit head, what it holds, and the body's exact length and SHA-256, so a file cut or
 * lengthened is refused by size before anything is decrypted.
 */
export const MAGIC = Buffer.from('KPXPKG01');
export const PACKAGE_EXT = '.kpx';
export const FORMAT_VERSION = 1;

export const LIMITS = {
  /** The whole file. */
  fileBytes: 8 * 2 ** 30,
  headerBytes: 64 * 1024,
  /** One record's JSON; one frame. */
  frameBytes: 4 * 2 ** 20,
  /** What the body may expand to once decrypted. */
  plainBytes: 8 * 2 ** 30,
  records: 5_000_000,
  files: 200_000,
} as const;

const id = z.string().min(1).max(100);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const b64key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

export const headerSchema = z.strictObject({
  format: z.literal(FORMAT_VERSION),
  kind: z.enum(['data', 'receipt']),
  packageId: z.string().regex(/^[0-9a-f-]{36}$/),
  from: z.strictObject({ nodeId: id, name: z.string().max(200), signPublic: b64key }),
  to: z.strictObject({
    nodeId: id,
    name: z.string().max(200),
    boxPublic: b64key,
    /** The recipient is this unit's installation (unit mode): what it sends up is that unit's reports only. */
    unit: z.strictObject({ uuid: id, name: z.string().max(200) }).optional(),
  }),
  seq: z.number().int().min(1),
  createdAt: z.number().int(),
  schemaVersion: z.number().int().min(0),
  appVersion: z.string().max(50),
  audit: z.strictObject({ seq: z.number().int(), hash: hex64, count: z.number().int() }).nullable(),
  contents: z.record(z.string().max(64), z.number().int().min(0)),
  files: z.number().int().min(0),
  fileBytes: z.number().int().min(0),
  enc: z.strictObject({
    alg: z.literal('X25519-HKDF-SHA256-AES-256-GCM-STREAM'),
    ephemeral: b64key,
    noncePrefix: z.string().regex(/^[A-Za-z0-9+/]{10}==$/),
    chunkSize: z.literal(64 * 1024),
  }),
  body: z.strictObject({
    length: z.number().int().min(0),
    sha256: hex64,
    plainLength: z.number().int().min(0),
    chunks: z.number().int().min(1),
  }),
});
export type PackageHeader = z.infer<typeof headerSchema>;

export const TRAILER = 4 + 64;

/** What the signature covers: MAGIC ‖ header JSON ‖ its length. */
export function signedBytes(json: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, json, len]);
}

/** The associated data of every chunk: binds the body to this package, sender, recipient and sequence. */
export function bodyAad(h: Pick<PackageHeader, 'packageId' | 'kind' | 'seq' | 'from' | 'to'>): Buffer {
  return Buffer.from(`kaoping-exchange-v1\n${h.packageId}\n${h.kind}\n${h.seq}\n${h.from.nodeId}\n${h.to.nodeId}`);
}

/** Frames of the decrypted body: type (1 byte) ‖ length (u32 BE) ‖ payload. */
export const FRAME = { end: 0, record: 1, file: 2, data: 3, receipt: 4 } as const;

/** A travelling row as it is written: references to other travelling rows by UUID, never by local id. */
export interface WireRow {
  t: string;
  u: string;
  o: string;
  v: number;
  c: number;
  m: number;
  d: number | null;
  f: Record<string, unknown>;
}

export interface WireFile {
  sha256: string;
  size: number;
  /** Shown to people only; where the file is stored follows from its SHA-256 (or the document register). */
  name: string;
}

export interface ReceiptBody {
  forPackage: string;
  forSeq: number;
  status: 'accepted' | 'refused';
  message: string;
  counts: Record<string, number>;
  /** The sender's audit head as it arrived here, echoed back so its own `audit verify` can compare. */
  auditHeadReceived: { seq: number; hash: string; count: number } | null;
}
