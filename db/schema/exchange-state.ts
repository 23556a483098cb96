import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Exchange between levels (issue #20): the keys of this node and of the nodes it trusts, every package sent and
 * received, and what each peer has acknowledged. All local to one installation (never travels).
 */

/**
 * Key pairs: this node's own (with the private halves) and each peer's public keys as read from its registration
 * file. A peer's key is trusted only after the two offices compared the fingerprint; a replaced or revoked key signs
 * nothing that is accepted.
 */
export const nodeKeys = sqliteTable(
  'node_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nodeId: text('node_id').notNull(),
    /** Ed25519 public key, raw 32 bytes base64. */
    signPublic: text('sign_public').notNull(),
    /** X25519 public key, raw 32 bytes base64. */
    boxPublic: text('box_public').notNull(),
    /** PKCS#8 DER base64, this node's own keys only. */
    signPrivate: text('sign_private'),
    boxPrivate: text('box_private'),
    fingerprint: text('fingerprint').notNull(),
    /** 'trusted' | 'replaced' | 'revoked' (exchange-labels keyStatus). */
    status: text('status').notNull(),
    createdAt: integer('created_at').notNull(),
    changedAt: integer('changed_at').notNull(),
  },
  (t) => [index('node_keys_node_idx').on(t.nodeId)],
);

/** Every package written or read: the sent/received record of the 数据交换 page. */
export const exchangePackages = sqliteTable(
  'exchange_packages',
  {
    packageId: text('package_id').primaryKey(),
    /** 'out' | 'in' */
    direction: text('direction').notNull(),
    /** 'data' | 'receipt' */
    kind: text('kind').notNull(),
    peerNode: text('peer_node').notNull(),
    seq: integer('seq').notNull(),
    at: integer('at').notNull(),
    /** The package's own creation time (the sender's clock). */
    createdAt: integer('created_at').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** JSON: records per table, files. */
    contents: text('contents').notNull(),
    /** JSON: the sender's audit-chain head carried by the package. */
    auditHead: text('audit_head'),
    /** For 'out' data packages: when the receipt came back and what it said ('accepted' | 'refused'). */
    receiptAt: integer('receipt_at'),
    receiptStatus: text('receipt_status'),
    receiptDetail: text('receipt_detail'),
    by: text('by').notNull(),
  },
  (t) => [index('exchange_packages_peer_idx').on(t.peerNode, t.direction, t.kind, t.seq)],
);

/** The rows each data package sent carried, so that its receipt acknowledges exactly them. */
export const exchangeSentRows = sqliteTable(
  'exchange_sent_rows',
  {
    packageId: text('package_id').notNull(),
    tbl: text('tbl').notNull(),
    uuid: text('uuid').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.tbl, t.uuid] })],
);

/** What a peer is known to hold (it acknowledged it, or sent it): rows at or below this version are not sent again. */
export const exchangeAcks = sqliteTable(
  'exchange_acks',
  {
    peerNode: text('peer_node').notNull(),
    tbl: text('tbl').notNull(),
    uuid: text('uuid').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.peerNode, t.tbl, t.uuid] })],
);

/**
 * A row that arrived under a UUID of its sender but is the same as one kept here under another (the same natural key:
 * a category's name, a unit's code, a calendar date): references to the sender's UUID resolve to the local row.
 */
export const exchangeAliases = sqliteTable(
  'exchange_aliases',
  {
    tbl: text('tbl').notNull(),
    uuid: text('uuid').notNull(),
    localId: integer('local_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.uuid] })],
);
