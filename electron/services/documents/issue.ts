import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../contract';
import { type OfficialDocument, formatDocNumber } from '../../core';
import { peekNextSeq, takeAndRegister } from '../../../db/repos/documents';
import { fsyncDir, fsyncFile } from '../attachments';
import { storageError } from '../backup/errors';
import { renderOfficialDocument } from './gbt9704';

export interface PreparedDocument {
  kind: string;
  prefix: string;
  year: number;
  seq: number;
  number: string;
  title: string;
  /** Where it will be once registered. */
  file: string;
  /** Where it waits until then. */
  pending: string;
  fileName: string;
  sha256: string;
}

/** A file name Windows and WPS accept: no \ / : * ? " < > |, no line breaks, not too long. */
export function documentFileName(number: string, title: string): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\r\n\t]/g, '').trim();
  return `${clean(number)}-${clean(title).slice(0, 60)}.docx`;
}

/**
 * Renders a document with the next number of its sequence and writes it, fsynced, under a pending
 * name in `outDir`. The number is only taken, and the file only gets its name, when `registerDocument`
 * runs in the write's transaction; a failure before that takes no number and leaves no named file.
 */
export async function prepareDocument(o: {
  sqlite: Database.Database;
  outDir: string;
  kind: string;
  prefix: string;
  year: number;
  title: string;
  build: (number: string) => OfficialDocument;
}): Promise<PreparedDocument> {
  const seq = peekNextSeq(o.sqlite, o.prefix, o.year);
  const number = formatDocNumber(o.prefix, o.year, seq);
  const bytes = await renderOfficialDocument(o.build(number));
  const fileName = documentFileName(number, o.title);
  // each preparation writes its own pending file; only the one that takes the number gets the name
  const pending = path.join(o.outDir, `.${randomUUID()}.pending`);
  try {
    fs.mkdirSync(o.outDir, { recursive: true });
    fs.writeFileSync(pending, bytes, { flag: 'wx' });
    fsyncFile(pending);
  } catch (e) {
    try {
      fs.rmSync(pending, { force: true });
    } catch {
      // nothing was written there
    }
    throw storageError(e, '公文生成', o.outDir);
  }
  return { kind: o.kind, prefix: o.prefix, year: o.year, seq, number, title: o.title, file: path.join(o.outDir, fileName), pending, fileName, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Takes the number and registers the file (inside the write's transaction); a lost race removes the file. */
export function registerDocument(sqlite: Database.Database, p: PreparedDocument, meta: { ownerNode: string; subject: string | null; madeBy: string; madeAt: number }): void {
  const ok = takeAndRegister(sqlite, { uuid: randomUUID(), ownerNode: meta.ownerNode, kind: p.kind, prefix: p.prefix, year: p.year, seq: p.seq, number: p.number, title: p.title, subject: meta.subject, fileName: p.fileName, sha256: p.sha256, madeBy: meta.madeBy, madeAt: meta.madeAt });
  if (!ok) {
    fs.rmSync(p.pending, { force: true });
    throw new AppError('CONFLICT', `文号 ${p.number} 刚被另一份公文取用，本份未生成，请重试。`);
  }
  fs.renameSync(p.pending, p.file);
  fsyncDir(path.dirname(p.file));
}
