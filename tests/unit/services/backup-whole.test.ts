import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole } from '../../support/app';
import { rewriteBackup } from '../../support/backup-files';
import { World } from '../../support/world';
import { tempDir } from '../../support/tmp';

/**
 * A backup holds everything the data folder needs: the database, every registered document's file (letters, the
 * bound volume, notices of each kind, the supervision bulletin, voided ones too) and the evidence and reply
 * attachments. Restored on a new installation, each one opens.
 */
type Doc = { id: number; kind: string; number: string; fileName: string; voidedAt: number | null };
type Summary = { file: string; documents: number; missingDocuments: number; attachments: number };

let w: World;
let docs: Doc[];
let evidence: number;
let reply: number;

beforeAll(async () => {
  w = await World.start();
  const { plan } = await w.running();
  await w.call('letters.combine', { planId: plan.id });
  for (const kind of ['inquiry', 'supervision', 'rectification'] as const) await w.notice(kind);
  await w.finding();
  await w.call('checks.report', { id: await w.check() });
  const r = await w.call<{ attachments: { id: number }[] }>('reports.attach', {
    reportId: await w.report(3),
    fileName: '佐证.pdf',
    base64: Buffer.from('%PDF-1.4 第三季度佐证').toString('base64'),
  });
  evidence = r.attachments.at(-1)!.id;
  const { replyId } = await w.replied();
  const n = await w.call<{ replies: { id: number; attachments: { id: number }[] }[] }>('notices.attach', {
    replyId,
    fileName: '回复.pdf',
    base64: Buffer.from('%PDF-1.4 回复材料').toString('base64'),
  });
  reply = n.replies.find((x) => x.id === replyId)!.attachments.at(-1)!.id;
  docs = await w.call<Doc[]>('documents.list', {});
  await w.call('documents.void', { id: docs.find((d) => d.kind === 'inquiry')!.id, reason: '内容有误' });
  docs = await w.call<Doc[]>('documents.list', {});
}, 120_000);
afterAll(() => w?.t.close());

async function restoredOnNewInstallation(file: string) {
  const fresh = await w.fresh();
  const r = await fresh.app.callAs(asRole('admin'), 'web', 'backup.restoreNew', { file, confirm: true });
  if (!r.ok) throw new Error(r.error.message);
  return fresh;
}

describe('a backup of a folder with every kind of file', () => {
  it('restores on a new installation where every document and attachment opens', async () => {
    const kinds = new Set(docs.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(['checkReport', 'combined', 'inquiry', 'letter', 'rectification', 'supervision']);
    expect(docs.some((d) => d.voidedAt !== null)).toBe(true);
    const b = await w.call<Summary>('backup.create', {}, 'admin');
    expect(b).toMatchObject({ documents: docs.length, missingDocuments: 0, attachments: 2 });

    const fresh = await restoredOnNewInstallation(b.file);
    const as = asRole('evaluator');
    const listed = await fresh.app.callAs(as, 'web', 'documents.list', {});
    expect(listed.ok && (listed.value as Doc[]).length).toBe(docs.length);
    for (const d of docs) {
      const r = await fresh.app.callAs(as, 'web', 'documents.content', { id: d.id });
      expect(r.ok ? 'opens' : `${d.number}: ${r.error.message}`).toBe('opens');
      if (r.ok) expect((r.value as { base64: string }).base64.length).toBeGreaterThan(1000);
    }
    const e = await fresh.app.callAs(as, 'web', 'reports.download', { attachmentId: evidence });
    expect(e.ok && Buffer.from((e.value as { base64: string }).base64, 'base64').toString()).toBe(
      '%PDF-1.4 第三季度佐证',
    );
    const rep = await fresh.app.callAs(as, 'web', 'notices.download', { attachmentId: reply });
    expect(rep.ok && Buffer.from((rep.value as { base64: string }).base64, 'base64').toString()).toBe(
      '%PDF-1.4 回复材料',
    );
  }, 60_000);

  it('is still made when a document is missing, and names what it could not hold', async () => {
    const gone = docs.find((d) => d.kind === 'supervision')!;
    const file = path.join(w.t.dir, 'documents', 'supervision', String(new Date(w.clock).getFullYear()), gone.fileName);
    const kept = fs.readFileSync(file);
    fs.rmSync(file);
    try {
      const b = await w.call<Summary>('backup.create', {}, 'admin');
      expect(b).toMatchObject({ documents: docs.length - 1, missingDocuments: 1 });
      const fresh = await restoredOnNewInstallation(b.file);
      const r = await fresh.app.callAs(asRole('evaluator'), 'web', 'documents.content', { id: gone.id });
      expect(r.ok ? '' : r.error.message).toContain('不在数据文件夹中');
    } finally {
      fs.writeFileSync(file, kept);
    }
  }, 60_000);

  it('refuses a backup whose document was replaced and resealed: the register in it no longer matches', async () => {
    const b = await w.call<Summary>('backup.create', {}, 'admin');
    const letter = docs.find((d) => d.kind === 'letter')!;
    const tmp = tempDir();
    const forged = path.join(tmp.dir, 'forged.kpbak');
    await rewriteBackup(b.file, forged, (name, bytes, manifest) => {
      if (!name.endsWith(letter.fileName)) return bytes;
      const fake = Buffer.concat([bytes, Buffer.from('改')]);
      const m = manifest.documents.find((d) => d.path === name)!;
      m.sha256 = createHash('sha256').update(fake).digest('hex');
      m.size = fake.length;
      return fake;
    });
    const r = await w.app.callAs(asRole('admin'), 'web', 'backup.inspect', { file: forged });
    tmp.cleanup();
    expect(r.ok ? '' : r.error.message).toContain(`公文 ${letter.number} 的文件与备份中的登记不符`);
  }, 60_000);
});
