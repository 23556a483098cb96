import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app';
import { samplePlan } from '../../support/sample-plan';
import { docxParts } from '../../support/docx';
import { printPlan } from '../../../electron/services/print/plan';

/** 打印: documents go to the printer in the order chosen, a batch behind a 打印清单; the web host downloads instead. */
let t: TestApp;
afterEach(() => t?.close());

type Printed = { via: string; printed: boolean; message: string; cover: { fileName: string; base64: string } | null };
type Letter = { documentId: number; fileName: string; number: string };

async function threeLetters(t: TestApp) {
  const { plan, call, unitId } = await samplePlan(t.app);
  const letters: Letter[] = [];
  for (const code of ['SX-FGJ', 'SX-CZJ', 'SX-CGZ'])
    letters.push(await call<Letter>('letters.generate', { planId: plan.id, unitId: unitId(code) }));
  return { call, letters };
}

const text = (xml: string) => xml.replace(/<[^>]+>/g, '');

describe('printing documents', () => {
  it('a batch prints its cover list first, then the documents in the order chosen', async () => {
    const sent: string[][] = [];
    t = await testApp({
      printFiles: async (files) => {
        sent.push(files.map((f) => path.basename(f)));
        const coverBytes = fs.readFileSync(files[0]!);
        sent.push([String(coverBytes.length > 0)]);
        return { plan: printPlan(files, { platform: 'win32', tools: { word: 'W.EXE' } }), error: '' };
      },
    });
    const { call, letters } = await threeLetters(t);
    const order = [letters[2]!, letters[0]!, letters[1]!];
    const r = await call<Printed>('documents.print', { ids: order.map((l) => l.documentId) });
    expect(r).toMatchObject({ via: 'word', printed: true });
    expect(r.message).toContain('按顺序打印 4 份');
    expect(sent[0]).toEqual([r.cover!.fileName, ...order.map((l) => l.fileName)]);
    expect(sent[1]).toEqual(['true']);
    expect(r.cover!.fileName).toMatch(/^打印清单（\d{4}-\d{2}-\d{2}，共3份）\.docx$/);

    const xml = text((await docxParts(Buffer.from(r.cover!.base64, 'base64'))).get('word/document.xml')!);
    expect(xml).toContain('打印清单');
    expect(xml).toContain('共3份');
    // the list is in print order: each number appears after the one before it
    const at = order.map((l) => xml.indexOf(l.number));
    expect(at.every((p) => p > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // a working list, not an official document: nothing registered
    const docs = await call<unknown[]>('documents.list', {});
    expect(docs).toHaveLength(3);
  });

  it('one document prints alone, without a list; a failed hand-over says so', async () => {
    t = await testApp({
      printFiles: async (files) => ({
        plan: printPlan(files, { platform: 'win32', tools: { wps: 'wps.exe' } }),
        error: '第 1 份未能交给打印程序',
      }),
    });
    const { call, letters } = await threeLetters(t);
    const r = await call<Printed>('documents.print', { ids: [letters[0]!.documentId] });
    expect(r).toMatchObject({ via: 'wps', printed: false, cover: null });
    expect(r.message).toContain('未能交给打印程序');
  });

  it('the web host cannot print: it hands back the list for download, in order', async () => {
    t = await testApp();
    const { call, letters } = await threeLetters(t);
    const r = await call<Printed>('documents.print', { ids: letters.map((l) => l.documentId) });
    expect(r).toMatchObject({ via: 'browser', printed: false });
    expect(r.message).toContain('已按顺序下载');
    expect(r.cover!.fileName).toContain('共3份');
  });

  it('a voided document, a repeated or empty choice is refused before anything prints', async () => {
    let calls = 0;
    t = await testApp({
      printFiles: async (files) => {
        calls++;
        return { plan: printPlan(files, { platform: 'linux', tools: {} }), error: '' };
      },
    });
    const { call, letters } = await threeLetters(t);
    await call('documents.void', { id: letters[1]!.documentId, reason: '内容有误' });
    await expect(call('documents.print', { ids: [letters[0]!.documentId, letters[1]!.documentId] })).rejects.toThrow(
      `公文 ${letters[1]!.number} 已作废，不能打印。`,
    );
    await expect(call('documents.print', { ids: [letters[0]!.documentId, letters[0]!.documentId] })).rejects.toThrow(
      '同一份公文选了两次',
    );
    await expect(call('documents.print', { ids: [] })).rejects.toThrow('请先选择要打印的公文');
    expect(calls).toBe(0);
    const pdf = await call<Printed>('documents.print', { ids: [letters[0]!.documentId] });
    expect(pdf).toMatchObject({ via: 'pdf', printed: false });
  });
});
