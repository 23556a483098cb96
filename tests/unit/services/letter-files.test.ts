import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';

/** A registered letter's file on disk: altered, gone, or named to leave the documents folder. */
let t: TestApp;
afterEach(() => t?.close());

type LetterRow = { unitCode: string; voided: boolean };

describe('letter files on disk', () => {
  it('a letter file altered on disk is refused on reading; voiding keeps the number used', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const g = await call<{ documentId: number; fileName: string; number: string }>('letters.generate', {
      planId: plan.id,
      unitId: unitId('SX-FGJ'),
    });
    const file = path.join(t.dir, 'documents', 'letter', String(new Date().getFullYear()), g.fileName);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    fs.writeFileSync(file, bytes);
    await expect(call('documents.content', { id: g.documentId })).rejects.toThrow(
      `公文 ${g.number} 的文件与登记时不一致，可能已被改动`,
    );
    await expect(call('documents.open', { id: g.documentId })).rejects.toThrow('可能已被改动');
    await call('documents.void', { id: g.documentId, reason: '文件损坏' });
    expect(
      (await call<LetterRow[]>('letters.list', { planId: plan.id })).find((r) => r.unitCode === 'SX-FGJ')!.voided,
    ).toBe(true);
    const again = await call<{ number: string }>('letters.generate', { planId: plan.id, unitId: unitId('SX-FGJ') });
    expect(again.number).toMatch(/〕2号$/);
  });

  it('a letter file gone from the data folder says where it belongs, never where the data folder is', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const g = await call<{ documentId: number; fileName: string; number: string }>('letters.generate', {
      planId: plan.id,
      unitId: unitId('SX-FGJ'),
    });
    const year = String(new Date().getFullYear());
    fs.rmSync(path.join(t.dir, 'documents', 'letter', year, g.fileName));
    const refused = call('documents.content', { id: g.documentId });
    await expect(refused).rejects.toThrow(`公文 ${g.number} 的文件不在数据文件夹中（应在 documents/letter/${year}/`);
    await expect(refused).rejects.not.toThrow(t.dir);
  });

  it('a register entry whose file name would leave the documents folder is refused, not opened', async () => {
    t = await testApp();
    const { plan, call, unitId } = await samplePlan(t.app);
    const g = await call<{ documentId: number }>('letters.generate', { planId: plan.id, unitId: unitId('SX-FGJ') });
    t.app.opened.sqlite
      .prepare("update documents set file_name = '../../kaoping.db.docx' where id = ?")
      .run(g.documentId);
    await expect(call('documents.open', { id: g.documentId })).rejects.toThrow(
      '的登记信息不正确（文件名“../../kaoping.db.docx”），已拒绝打开。',
    );
    await expect(call('documents.content', { id: g.documentId })).rejects.toThrow('已拒绝打开');
  });
});
