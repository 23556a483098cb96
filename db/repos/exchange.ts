import type Database from 'better-sqlite3';
import { stmt } from '../stmt-cache';

/** Keys, peers and the sent/received record of the exchange (local tables only). */

export interface KeyRow {
  id: number;
  nodeId: string;
  signPublic: string;
  boxPublic: string;
  signPrivate: string | null;
  boxPrivate: string | null;
  fingerprint: string;
  status: 'trusted' | 'replaced' | 'revoked';
  createdAt: number;
  changedAt: number;
}

const KEY_COLS =
  'id, node_id as nodeId, sign_public as signPublic, box_public as boxPublic, sign_private as signPrivate, ' +
  'box_private as boxPrivate, fingerprint, status, created_at as createdAt, changed_at as changedAt';

export function keysOf(sqlite: Database.Database, nodeId: string): KeyRow[] {
  return stmt(sqlite, `select ${KEY_COLS} from node_keys where node_id = ? order by id desc`).all(nodeId) as KeyRow[];
}

/** The node's one trusted key, if any. */
export function trustedKey(sqlite: Database.Database, nodeId: string): KeyRow | null {
  return (
    (stmt(sqlite, `select ${KEY_COLS} from node_keys where node_id = ? and status = 'trusted' order by id desc`).get(
      nodeId,
    ) as KeyRow | undefined) ?? null
  );
}

/** Every key with this signing half, whoever's (to tell a revoked or replaced key from an unknown one). */
export function keyBySignPublic(sqlite: Database.Database, signPublic: string): KeyRow | null {
  return (
    (stmt(sqlite, `select ${KEY_COLS} from node_keys where sign_public = ? order by id desc`).get(signPublic) as
      KeyRow | undefined) ?? null
  );
}

export function addKey(
  sqlite: Database.Database,
  k: Omit<KeyRow, 'id' | 'changedAt' | 'status'> & { status?: KeyRow['status'] },
): void {
  stmt(
    sqlite,
    'insert into node_keys (node_id, sign_public, box_public, sign_private, box_private, fingerprint, status, ' +
      'created_at, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    k.nodeId,
    k.signPublic,
    k.boxPublic,
    k.signPrivate,
    k.boxPrivate,
    k.fingerprint,
    k.status ?? 'trusted',
    k.createdAt,
    k.createdAt,
  );
}

/** Marks the node's trusted keys replaced or revoked. */
export function retireKeys(sqlite: Database.Database, nodeId: string, status: 'replaced' | 'revoked', at: number) {
  return stmt(sqlite, "update node_keys set status = ?, changed_at = ? where node_id = ? and status = 'trusted'").run(
    status,
    at,
    nodeId,
  ).changes;
}

export interface NodeRow {
  id: string;
  name: string;
  isSelf: boolean;
  relation: 'self' | 'parent' | 'child';
  createdAt: number;
  /** A child that is one unit's installation: the unit's UUID (db/exchange-scope.ts). */
  unitUuid: string | null;
}

export function listNodes(sqlite: Database.Database): NodeRow[] {
  return (
    stmt(
      sqlite,
      'select id, name, is_self as isSelf, relation, created_at as createdAt, unit_uuid as unitUuid from nodes ' +
        'order by is_self desc, relation, name',
    ).all() as (Omit<NodeRow, 'isSelf'> & { isSelf: number })[]
  ).map((n) => ({ ...n, isSelf: n.isSelf === 1 }));
}

export function nodeById(sqlite: Database.Database, id: string): NodeRow | null {
  return listNodes(sqlite).find((n) => n.id === id) ?? null;
}

export function upsertPeer(
  sqlite: Database.Database,
  id: string,
  name: string,
  relation: 'parent' | 'child',
  at: number,
) {
  stmt(
    sqlite,
    'insert into nodes (id, name, is_self, relation, created_at) values (?, ?, 0, ?, ?) ' +
      'on conflict (id) do update set name = excluded.name, relation = excluded.relation',
  ).run(id, name, relation, at);
}

/**
 * Binds a child node to the unit whose installation it is (null: a lower-level office, which receives all); with
 * `self`, records that this installation is that unit's (unit mode), as its parent's package said.
 */
export function setPeerUnit(sqlite: Database.Database, id: string, unitUuid: string | null, self = false): void {
  stmt(sqlite, 'update nodes set unit_uuid = ? where id = ? and is_self = ?').run(unitUuid, id, self ? 1 : 0);
}

/** A live unit's local id and name by its UUID (a bound child's unit), or null. */
export function unitIdByUuid(sqlite: Database.Database, uuid: string): number | null {
  const r = stmt(sqlite, 'select id from units where uuid = ? and deleted_at is null').get(uuid) as
    { id: number } | undefined;
  return r?.id ?? null;
}

/** A live unit's UUID and name by its local id, or null. */
export function unitById(sqlite: Database.Database, id: number): { uuid: string; name: string } | null {
  return (
    (stmt(sqlite, 'select uuid, name from units where id = ? and deleted_at is null').get(id) as
      { uuid: string; name: string } | undefined) ?? null
  );
}

/** A unit's local id and name by its UUID, for the overview of bound children. */
export function unitByUuid(sqlite: Database.Database, uuid: string): { id: number; name: string } | null {
  return (
    (stmt(sqlite, 'select id, name from units where uuid = ? and deleted_at is null').get(uuid) as
      { id: number; name: string } | undefined) ?? null
  );
}

export function renameSelf(sqlite: Database.Database, name: string): void {
  stmt(sqlite, 'update nodes set name = ? where is_self = 1').run(name);
}

export interface PackageRow {
  packageId: string;
  direction: 'out' | 'in';
  kind: 'data' | 'receipt';
  peerNode: string;
  seq: number;
  at: number;
  createdAt: number;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  contents: string;
  auditHead: string | null;
  receiptAt: number | null;
  receiptStatus: string | null;
  receiptDetail: string | null;
  by: string;
}

const PKG_COLS =
  'package_id as packageId, direction, kind, peer_node as peerNode, seq, at, created_at as createdAt, ' +
  'file_name as fileName, sha256, size_bytes as sizeBytes, contents, audit_head as auditHead, ' +
  'receipt_at as receiptAt, ' +
  'receipt_status as receiptStatus, receipt_detail as receiptDetail, "by"';

export function insertPackage(sqlite: Database.Database, p: PackageRow): void {
  stmt(
    sqlite,
    'insert into exchange_packages (package_id, direction, kind, peer_node, seq, at, created_at, file_name, ' +
      'sha256, ' +
      'size_bytes, contents, audit_head, receipt_at, receipt_status, receipt_detail, "by") values ' +
      '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    p.packageId,
    p.direction,
    p.kind,
    p.peerNode,
    p.seq,
    p.at,
    p.createdAt,
    p.fileName,
    p.sha256,
    p.sizeBytes,
    p.contents,
    p.auditHead,
    p.receiptAt,
    p.receiptStatus,
    p.receiptDetail,
    p.by,
  );
}

export function packageById(sqlite: Database.Database, id: string): PackageRow | null {
  return (
    (stmt(sqlite, `select ${PKG_COLS} from exchange_packages where package_id = ?`).get(id) as
      PackageRow | undefined) ?? null
  );
}

export function listPackages(sqlite: Database.Database, limit = 500): PackageRow[] {
  return stmt(sqlite, `select ${PKG_COLS} from exchange_packages order by at desc, seq desc limit ?`).all(
    limit,
  ) as PackageRow[];
}

/** The highest sequence of this kind between us and the peer in that direction (0 when none). */
export function lastSeq(sqlite: Database.Database, peer: string, direction: 'out' | 'in', kind: 'data' | 'receipt') {
  const r = stmt(
    sqlite,
    'select max(seq) as s from exchange_packages where peer_node = ? and direction = ? and kind = ?',
  ).get(peer, direction, kind) as { s: number | null };
  return r.s ?? 0;
}

export function recordSentRow(
  sqlite: Database.Database,
  packageId: string,
  tbl: string,
  uuid: string,
  version: number,
) {
  stmt(sqlite, 'insert or replace into exchange_sent_rows (package_id, tbl, uuid, version) values (?, ?, ?, ?)').run(
    packageId,
    tbl,
    uuid,
    version,
  );
}

/** A receipt acknowledged this package: the peer holds every row it carried, at that version. */
export function ackSentRows(sqlite: Database.Database, peer: string, packageId: string): number {
  return stmt(
    sqlite,
    'insert into exchange_acks (peer_node, tbl, uuid, version) ' +
      'select ?, tbl, uuid, version from exchange_sent_rows where package_id = ? and true ' +
      'on conflict (peer_node, tbl, uuid) do update set version = max(version, excluded.version)',
  ).run(peer, packageId).changes;
}

export function markReceipt(sqlite: Database.Database, packageId: string, at: number, status: string, detail: string) {
  stmt(
    sqlite,
    'update exchange_packages set receipt_at = ?, receipt_status = ?, receipt_detail = ? where package_id = ?',
  ).run(at, status, detail, packageId);
}

/**
 * This node's most recently retired key, whose private half signs the handover to the new one — unless it was revoked
 * (it leaked): a leaked key vouches for nothing, and an older replaced key does not stand in for it.
 */
export function lastReplacedKey(sqlite: Database.Database, nodeId: string): KeyRow | null {
  const k = stmt(
    sqlite,
    `select ${KEY_COLS} from node_keys where node_id = ? and status <> 'trusted' order by id desc limit 1`,
  ).get(nodeId) as KeyRow | undefined;
  return k?.status === 'replaced' ? k : null;
}

/** Marks one key revoked, whatever its state (a revocation file names the key, not the node's current one). */
export function revokeKey(sqlite: Database.Database, signPublic: string, at: number): number {
  return stmt(
    sqlite,
    "update node_keys set status = 'revoked', changed_at = ? where sign_public = ? and status <> 'revoked'",
  ).run(at, signPublic).changes;
}

/** The name of another node registered as the parent, if there is one. */
export function otherParent(sqlite: Database.Database, nodeId: string): string | null {
  const r = stmt(sqlite, "select name from nodes where relation = 'parent' and id <> ?").get(nodeId) as
    { name: string } | undefined;
  return r?.name ?? null;
}

/**
 * The audit heads this node's data packages carried, as the receiving node echoed them back in its receipts: anchors
 * of this node's own trail kept by another level (audit verify compares them).
 */
export function echoedHeads(sqlite: Database.Database): { seq: number; hash: string; at: number }[] {
  const rows = stmt(
    sqlite,
    "select created_at as at, receipt_detail as d from exchange_packages where direction = 'out' and kind = 'data' " +
      'and receipt_detail is not null',
  ).all() as { at: number; d: string }[];
  const out: { seq: number; hash: string; at: number }[] = [];
  for (const r of rows) {
    try {
      const h = (JSON.parse(r.d) as { auditHeadReceived?: { seq: number; hash: string } | null }).auditHeadReceived;
      if (h && Number.isInteger(h.seq) && /^[0-9a-f]{64}$/.test(h.hash))
        out.push({ seq: h.seq, hash: h.hash, at: r.at });
    } catch {
      // a receipt's detail that does not parse holds no anchor
    }
  }
  return out;
}
