import type { z } from 'zod';
import type { basicSettings } from '../../contract/channels/settings';
import { type DocKind, docKinds } from '../../contract/doc-kinds';
import { defaultLetterClauses } from '../../core';
import { readSetting, writeSetting } from '../../../db/repos/settings';
import type { AppDb } from '../../../db';
import type { HandlerContext, Handlers } from '../handler';

export type Settings = z.output<typeof basicSettings>;

const defaultPrefixes: Record<DocKind, string> = {
  letter: '考评责',
  inquiry: '考评询',
  supervision: '考评督',
  rectification: '考评改',
  checkReport: '考评通',
  decision: '考评问责',
  publicity: '考评公',
  transfer: '考评移',
  efficiency: '考评效',
  resultsBulletin: '考评通',
  auditNotice: '考评审',
  serviceProof: '考评送',
  accountabilityBulletin: '考评问通',
  staffPublicity: '考评公',
  minutes: '考评纪',
  channelNotice: '考评投',
  incidentReview: '考评检',
};

export const defaultSettings: Settings = {
  unitName: '',
  level: 'county',
  issuingBodies: [],
  docPrefixes: defaultPrefixes,
  signatory: { name: '', title: '' },
  letterPartyA: '',
  letterPartyASigner: '',
  letterClauses: defaultLetterClauses,
  publicityContact: { phone: '', address: '' },
  transferFeedbackMonths: 3,
  idleLockMinutes: 10,
  autoBackupHours: 24,
  backupKeep: 14,
};

const keys = Object.keys(defaultSettings) as (keyof Settings)[];

export function readBasicSettings(ctx: { db: AppDb }): Settings {
  const out = { ...defaultSettings } as Record<keyof Settings, unknown>;
  for (const k of keys) out[k] = readSetting(ctx.db, k, defaultSettings[k]);
  const prefixes = out.docPrefixes as Partial<Record<DocKind, string>>;
  out.docPrefixes = Object.fromEntries(docKinds.map((k) => [k, prefixes[k] ?? defaultPrefixes[k]]));
  return out as Settings;
}

/** Writes the keys given that differ from what is saved; one audit entry names what changed, from and to. */
function update(ctx: HandlerContext, input: Partial<Record<keyof Settings, unknown>>): Settings {
  const before = readBasicSettings(ctx);
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of keys) {
    let value: unknown = input[key];
    if (value === undefined) continue;
    if (key === 'docPrefixes') value = { ...before.docPrefixes, ...(value as object) };
    if (JSON.stringify(value) !== JSON.stringify(before[key])) {
      writeSetting(ctx.db, key, value, ctx.caller.username, ctx.now);
      changed[key] = { from: before[key], to: value };
    }
  }
  ctx.audit('settings', { changed });
  return readBasicSettings(ctx);
}

/** The system half is the administrator's, the business half the evaluator's (contract/channels/settings.ts). */
export const settingsHandlers: Handlers<'settings.get' | 'settings.update' | 'settings.updateBusiness'> = {
  'settings.get': (ctx) => readBasicSettings(ctx),
  'settings.update': update,
  'settings.updateBusiness': update,
};
