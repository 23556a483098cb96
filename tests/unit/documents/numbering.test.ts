import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordWriter } from '../../../db';
import { listDocuments, voidDocument } from '../../../db/repos/documents';
import { documentFileName, prepareDocument, registerDocument } from '../../../electron/services/documents/issue';
import { testApp, type TestApp } from '../../support/app';
import { sampleNotice } from '../../support/sample-document';

let t: TestApp;
afterEach(() => t?.close());
const writer = () => recordWriter(t.app.opened.sqlite, t.app.env.nodeId, Date.now());

async function issue(prefix = '示考评', year = 2026) {
  const sqlite = t.app.opened.sqlite;
  const p = await prepareDocument({
    sqlite,
    demo: false,
    outDir: path.join(t.dir, 'documents'),
    kind: 'letter',
    prefix,
    year,
    title: '关于印发2026年度目标管理考核责任书的通知',
    build: (number) => ({ ...sampleNotice(2), number }),
  });
  return p;
}
/** What the dispatcher does around a write: the file is named after the commit, removed if there is none. */
const register = (p: Awaited<ReturnType<typeof issue>>) => {
  const commits: (() => void)[] = [];
  try {
    t.app.opened.sqlite.transaction(() =>
      registerDocument({ sqlite: t.app.opened.sqlite, records: writer(), afterCommit: (f) => commits.push(f) }, p, {
        subject: 'unit:SX',
        madeBy: '李考评',
      }),
    )();
  } catch (e) {
    fs.rmSync(p.pending, { force: true });
    throw e;
  }
  commits.forEach((f) => f());
};

describe('document numbers', () => {
  it('counts per prefix and year from 1, with no reuse after a void', async () => {
    t = await testApp();
    for (let i = 0; i < 3; i++) register(await issue());
    register(await issue('示考评', 2027));
    register(await issue('示考询'));
    const numbers = listDocuments(t.app.opened.sqlite)
      .map((d) => d.number)
      .sort();
    expect(numbers).toEqual(
      ['示考评〔2026〕1号', '示考评〔2026〕2号', '示考评〔2026〕3号', '示考评〔2027〕1号', '示考询〔2026〕1号'].sort(),
    );
    const third = listDocuments(t.app.opened.sqlite).find((d) => d.number === '示考评〔2026〕3号')!;
    expect(voidDocument(writer(), third.id, '李考评', '单位名称有误，作废重发')).toBe(true);
    register(await issue());
    expect(listDocuments(t.app.opened.sqlite)[0]!.number).toBe('示考评〔2026〕4号');
  });

  it(
    'registers the file with its SHA-256 and a safe name; two documents prepared at once get distinct numbers or ' +
      'a clear refusal',
    async () => {
      t = await testApp();
      const a = await issue();
      const b = await issue(); // prepared before a is registered: both saw number 1
      register(a);
      expect(() => register(b)).toThrow('文号 示考评〔2026〕1号 刚被另一份公文取用，本份未生成，请重试。');
      const docs = listDocuments(t.app.opened.sqlite);
      expect(docs).toHaveLength(1);
      expect(fs.readdirSync(path.join(t.dir, 'documents'))).toEqual([docs[0]!.fileName]);
      register(await issue());
      expect(listDocuments(t.app.opened.sqlite).map((d) => d.number)).toContain('示考评〔2026〕2号');
      expect(documentFileName('示考评〔2026〕1号', '关于“A/B”的通知\n（试行）')).toBe(
        '示考评〔2026〕1号-关于“AB”的通知（试行）.docx',
      );
    },
  );

  it('takes no number when the output folder cannot be written', async () => {
    t = await testApp();
    const blocker = path.join(t.dir, 'documents');
    fs.writeFileSync(blocker, 'not a folder');
    await expect(issue()).rejects.toThrow(/公文生成未完成/);
    expect(listDocuments(t.app.opened.sqlite)).toEqual([]);
  });
});
