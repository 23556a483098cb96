import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../contract';
import { type OfficialDocument, formatDocNumber, markDemo } from '../../core';
import { peekNextSeq, takeAndRegister } from '../../../db/repos/documents';
import { fsyncDir } from '../attachments';
import { storageError } from '../backup/errors';
import { faultPoint } from '../fault';
import type { HandlerContext } from '../handler';
import { renderOfficialDocument } from './gbt9704';
import { pendingPath, writePending } from './pending';

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
  /** What the file was rendered from (the model, or for a combined file the models). */
  model: unknown;
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
export async function prepareDocument(
  o:
    | {
        sqlite: Database.Database;
        outDir: string;
        kind: string;
        prefix: string;
        year: number;
        title: string;
        build: (number: string) => OfficialDocument;
        /** ctx.env.demo, required so that no document built here forgets it: demonstration data says 演示数据. */
        demo: boolean;
      }
    | {
        sqlite: Database.Database;
        outDir: string;
        kind: string;
        prefix: string;
        year: number;
        title: string;
        /** A file that is not one 公文 (a combined print copy): its own number format and renderer. */
        numberFormat: (prefix: string, year: number, seq: number) => string;
        render: (number: string) => Promise<{ bytes: Buffer; model: unknown }>;
        /** For several files registered in one write, in order: the n-th takes the next number plus n. */
        seqOffset?: number;
        /** The title as the file's name gives it, when the number already says part of it (合订本). */
        fileTitle?: string;
      },
): Promise<PreparedDocument> {
  const seq = peekNextSeq(o.sqlite, o.prefix, o.year) + ('seqOffset' in o ? (o.seqOffset ?? 0) : 0);
  let number: string;
  let bytes: Buffer;
  let model: unknown;
  if ('build' in o) {
    number = formatDocNumber(o.prefix, o.year, seq);
    model = markDemo(o.build(number), o.demo);
    bytes = await renderOfficialDocument(model as OfficialDocument);
  } else {
    number = o.numberFormat(o.prefix, o.year, seq);
    ({ bytes, model } = await o.render(number));
  }
  const fileName = documentFileName(number, ('fileTitle' in o && o.fileTitle) || o.title);
  // each preparation writes its own pending file; only the one that takes the number gets the name
  const pending = pendingPath(o.outDir, fileName);
  try {
    fs.mkdirSync(o.outDir, { recursive: true });
    faultPoint('documents:write:enospc');
    await writePending(pending, bytes);
  } catch (e) {
    try {
      fs.rmSync(pending, { force: true });
    } catch {
      // nothing was written there
    }
    throw storageError(e, '公文生成', o.outDir);
  }
  return {
    kind: o.kind,
    prefix: o.prefix,
    year: o.year,
    seq,
    number,
    title: o.title,
    file: path.join(o.outDir, fileName),
    pending,
    fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    model,
  };
}

/** Removes a prepared file if the write that would register it does not commit (call right after preparing). */
export function discardUnlessCommitted(ctx: Pick<HandlerContext, 'onAbort'>, p: PreparedDocument): void {
  ctx.onAbort(() => fs.rmSync(p.pending, { force: true }));
}

/**
 * Takes the number and registers the file (inside the write's transaction). The file gets its name only
 * after the commit, so a rolled-back write never leaves a complete-looking document behind. A lost race
 * for the number asks the dispatcher to prepare the document again. Returns the register id.
 */
export function registerDocument(
  ctx: Pick<HandlerContext, 'sqlite' | 'records' | 'afterCommit'>,
  p: PreparedDocument,
  meta: { subject: string | null; madeBy: string },
): number {
  const { kind, prefix, year, seq, number, title, fileName, sha256 } = p;
  const id = takeAndRegister(ctx.sqlite, ctx.records, {
    kind,
    prefix,
    year,
    seq,
    number,
    title,
    fileName,
    sha256,
    ...meta,
  });
  if (id === null)
    throw new AppError('CONFLICT', `文号 ${p.number} 刚被另一份公文取用，本份未生成，请重试。`, { retry: true });
  ctx.afterCommit(() => {
    fs.renameSync(p.pending, p.file);
    fsyncDir(path.dirname(p.file));
  });
  return id;
}

/** Where the register keeps a document's file: <data>/documents/<kind>/<year>/<file name>. */
export function documentsDir(dataDir: string, kind: string, year: number): string {
  return path.join(dataDir, 'documents', kind, String(year));
}

/** Reads a registered document's file and checks it against the register's SHA-256. */
export function readRegistered(
  dataDir: string,
  d: { kind: string; year: number; fileName: string; sha256: string; number: string },
): Buffer {
  return readChecked(dataDir, checkedPath(dataDir, d), d);
}

/** The register's file path, refusing names that would leave the documents folder (a foreign or altered database). */
export function checkedPath(
  dataDir: string,
  d: { kind: string; year: number; fileName: string; number: string },
): string {
  if (
    !/^[a-zA-Z]+$/.test(d.kind) ||
    !Number.isInteger(d.year) ||
    /[\\/]/.test(d.fileName) ||
    !d.fileName.endsWith('.docx') ||
    d.fileName.startsWith('.')
  ) {
    throw new AppError('STORAGE', `公文 ${d.number} 的登记信息不正确（文件名“${d.fileName}”），已拒绝打开。`);
  }
  return path.join(documentsDir(dataDir, d.kind, d.year), d.fileName);
}

function readChecked(dataDir: string, file: string, d: { sha256: string; number: string }): Buffer {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      // where it belongs inside the data folder, never the folder itself: the message may reach a browser
      `公文 ${d.number} 的文件不在数据文件夹中（应在 ${path.relative(dataDir, file).split(path.sep).join('/')}），` +
        '可能已被移走或删除；请从备份恢复或重新生成。',
    );
  }
  if (createHash('sha256').update(bytes).digest('hex') !== d.sha256) {
    throw new AppError(
      'STORAGE',
      `公文 ${d.number} 的文件与登记时不一致，可能已被改动；为防止打印错误内容，已拒绝打开。请从备份恢复或作废后重新生成。`,
    );
  }
  return bytes;
}
