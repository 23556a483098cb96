import { describe, expect, it } from 'vitest';
import { type OfficialDocument } from '../../../electron/core';
import {
  renderCheckpoint,
  renderCheckpointReference,
  renderCheckpointSync,
} from '../../../electron/services/documents/checkpoint';
import {
  renderCombined,
  renderCombinedReference,
  renderCombinedSync,
  renderOfficialDocument,
  renderOfficialDocumentSync,
  renderReference,
  volumeFromDocx,
} from '../../../electron/services/documents/gbt9704';
import { clearFragments, fragmentCaches } from '../../../electron/services/documents/gbt9704-xml';
import { checkpoint, corpus, randomDocument, volumeDocs } from '../../support/engine-corpus';
import { docxParts } from '../../support/docx';

// The fast engine against the reference renderer (the same layout through docx objects and Packer): every part of
// the zip byte for byte, in the same order, the timestamps in docProps/core.xml the only thing allowed to differ.

const TIMESTAMP = /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g;

async function differences(fast: Buffer, reference: Buffer): Promise<string[]> {
  const [a, b] = [await docxParts(fast), await docxParts(reference)];
  const out: string[] = [];
  if ([...a.keys()].join() !== [...b.keys()].join()) out.push(`entries: ${[...a.keys()]} ≠ ${[...b.keys()]}`);
  for (const [name, ref] of b) {
    let mine = a.get(name);
    let theirs = ref;
    if (name === 'docProps/core.xml') {
      expect(mine).toMatch(TIMESTAMP);
      [mine, theirs] = [mine?.replace(TIMESTAMP, '$1$2'), theirs.replace(TIMESTAMP, '$1$2')];
    }
    if (mine === theirs) continue;
    let at = 0;
    while (mine && at < mine.length && mine[at] === theirs[at]) at++;
    out.push(`${name} at ${at}: …${mine?.slice(at - 60, at + 60)}… ≠ …${theirs.slice(at - 60, at + 60)}…`);
  }
  return out;
}

const same = async (doc: OfficialDocument) =>
  differences(await renderOfficialDocument(doc), await renderReference(doc));

describe('the fast engine writes what the reference renderer writes', () => {
  for (const [name, doc] of corpus())
    it(name, async () => {
      expect(await same(doc)).toEqual([]);
    });

  it('the audit checkpoint, intact and not, and printed from demonstration data', async () => {
    for (const c of [checkpoint(true), checkpoint(false), { ...checkpoint(true), demo: true }])
      expect(await differences(await renderCheckpoint(c), await renderCheckpointReference(c))).toEqual([]);
    const xml = async (b: Buffer) => (await docxParts(b)).get('word/document.xml')!;
    expect(await xml(renderCheckpointSync({ ...checkpoint(true), demo: true }))).toContain('演示数据');
    expect(await xml(renderCheckpointSync(checkpoint(true)))).not.toContain('演示数据');
  });

  it('a bound volume of letters, with and without colophons', async () => {
    const docs = volumeDocs();
    docs[2] = { ...docs[2]!, colophon: null };
    expect(
      await differences(
        await renderCombined('责任书合订本 & <卷一>', docs),
        await renderCombinedReference('责任书合订本 & <卷一>', docs),
      ),
    ).toEqual([]);
  });

  it('made-up documents of every shape (seeded)', { timeout: 300_000 }, async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const doc = randomDocument(seed);
      expect({ seed, differences: await same(doc) }).toEqual({ seed, differences: [] });
    }
    // and a volume of them
    const docs = [3, 5, 8].map(randomDocument);
    expect(await differences(renderCombinedSync('卷', docs), await renderCombinedReference('卷', docs))).toEqual([]);
  });

  it('is synchronous underneath: the Sync variants give the same parts', async () => {
    const doc = corpus()[0]![1];
    expect(await differences(renderOfficialDocumentSync(doc), await renderReference(doc))).toEqual([]);
    expect(
      await differences(renderCheckpointSync(checkpoint(true)), await renderCheckpointReference(checkpoint(true))),
    ).toEqual([]);
  });

  it('sees a fragment that is off by one byte', async () => {
    const doc = corpus()[0]![1];
    await renderOfficialDocument(doc);
    try {
      const [key, [before, after]] = [...fragmentCaches.paragraphs][0]!;
      fragmentCaches.paragraphs.set(key, [before.replace('<w:pPr>', '<w:pPr><w:keepNext/>'), after]);
      const found = await same(doc);
      expect(found.length).toBe(1);
      expect(found[0]).toMatch(/^word\/document\.xml at \d+/);
    } finally {
      clearFragments();
    }
    expect(await same(doc)).toEqual([]);
  });
});

describe('a volume from the letters’ built files', () => {
  it('is the volume renderCombined makes of the same letters, part for part', async () => {
    const docs = volumeDocs();
    docs[3] = { ...docs[3]!, colophon: null };
    const files = docs.map(renderOfficialDocumentSync);
    expect(
      await differences(volumeFromDocx('责任书合订本', files), await renderCombined('责任书合订本', docs)),
    ).toEqual([]);
    expect(
      await differences(volumeFromDocx('一份', files.slice(0, 1)), await renderCombined('一份', docs.slice(0, 1))),
    ).toEqual([]);
    // files the reference renderer wrote are the same files
    const reference = await Promise.all(docs.slice(0, 2).map(renderReference));
    expect(
      await differences(volumeFromDocx('两份', reference), await renderCombinedReference('两份', docs.slice(0, 2))),
    ).toEqual([]);
  });

  it('refuses a file the engine did not write', async () => {
    const letter = renderOfficialDocumentSync(volumeDocs()[0]!);
    expect(() => volumeFromDocx('卷', [])).toThrow('nothing to combine');
    expect(() => volumeFromDocx('卷', [letter, Buffer.from('不是压缩包')])).toThrow(/不是有效的 \.docx/);
    expect(() => volumeFromDocx('卷', [renderCheckpointSync(checkpoint(true))])).toThrow(/不是本系统生成的公文/);
    // a letter whose styles someone changed
    const { default: yazl } = await import('yazl');
    const zip = new yazl.ZipFile();
    for (const [name, text] of await docxParts(letter))
      zip.addBuffer(Buffer.from(name === 'word/styles.xml' ? text.replace('zh-CN', 'en-US') : text), name);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    expect(() => volumeFromDocx('卷', [letter, Buffer.concat(chunks)])).toThrow(/第 2 份的 word\/styles\.xml 不同/);
  });
});
