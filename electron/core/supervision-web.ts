import { idNumberProblem, maskIdNumber } from './org';

/**
 * The supervision web's rules that need no database: how a complainant is masked, what makes two registrations the
 * same complaint, an unmasked ID number hiding in a cell, a transfer's feedback due date.
 */

export type PersonalKind = 'name' | 'phone' | 'id';

/**
 * The one masking of personal details in lists, exports and documents: a name keeps its first character (张**), a
 * phone its first 3 and last 4 digits (138****5678), an ID number its first 6 and last 4 (the people list's rule).
 */
export function maskPersonal(value: string | null | undefined, kind: PersonalKind): string | null {
  if (!value) return null;
  const v = value.trim();
  if (kind === 'id') return maskIdNumber(v);
  if (kind === 'name') return v.length <= 1 ? '*' : `${v[0]}${'*'.repeat(Math.min(v.length - 1, 3))}`;
  if (v.length >= 11) return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
  return `${'*'.repeat(Math.max(v.length - 2, 1))}${v.slice(-2)}`;
}

const ID_LIKE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** A valid, unmasked resident ID number written in a text (a column mixed up, a complaint pasted whole), or null. */
export function unmaskedIdNumber(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const m of text.matchAll(ID_LIKE)) if (idNumberProblem(m[0]) === null) return m[0];
  return null;
}

const norm = (s: string | null | undefined) =>
  (s ?? '').replace(/[\s，。,.;；:：!！?？"“”'‘’、（）()]/g, '').toLowerCase();

function fnv(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * What makes two registrations the same complaint: the channel's own number (a 12345 work order) when there is one,
 * else the day, the unit complained of, the complainant and the words of the complaint (spacing and punctuation
 * ignored). A complaint imported twice, or keyed in after it was imported, is found by it.
 */
export function complaintFingerprint(c: {
  channel: string;
  ref?: string | null;
  receivedOn: string;
  unitId: number;
  complainantName?: string | null;
  complainantPhone?: string | null;
  content: string;
}): string {
  if (c.ref && norm(c.ref)) return `ref:${c.channel}:${norm(c.ref)}`;
  const key = [c.receivedOn, c.unitId, norm(c.complainantName), norm(c.complainantPhone), norm(c.content)].join('|');
  return `fp:${fnv(key, 0x811c9dc5)}${fnv(key, 0x01234567)}`;
}

/** The same calendar day `months` later (the month's last day when it has no such day): a feedback due date. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Fen as yuan for a list or a document: 1234567 → 12,345.67. */
export const yuan = (cents: number) =>
  (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
