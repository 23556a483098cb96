import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecisionDocument, buildServiceProof } from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import { linesStartingWithClosingMark, outsideTypeArea, pdfWords, renderPdf, savePng } from '../../support/docx';
import { sampleDecision, sampleServiceProof } from '../../support/sample-accountability';
import { repoRoot, tempDir } from '../../support/tmp';

// The 问责决定书 and its 送达回证 through LibreOffice: A4, every character inside the type area, no line starting
// with a closing mark; and what each must say.

const work = tempDir('kaoping-accountability-');
afterAll(() => work.cleanup());

async function rendered(name: string, bytes: Buffer) {
  const docx = path.join(work.dir, `${name}.docx`);
  fs.writeFileSync(docx, bytes);
  const pdf = await renderPdf(docx, work.dir);
  savePng(pdf, 1, path.join(repoRoot, 'test-results', 'documents', `${name}-p1.png`));
  return pdfWords(pdf);
}

describe('the 问责决定书 and the 送达回证', () => {
  let decision: Buffer;
  let proof: Buffer;
  let decisionLayout: ReturnType<typeof pdfWords>;
  let proofLayout: ReturnType<typeof pdfWords>;
  beforeAll(async () => {
    decision = await renderOfficialDocument(buildDecisionDocument(sampleDecision()));
    proof = await renderOfficialDocument(buildServiceProof(sampleServiceProof()));
    decisionLayout = await rendered('decision', decision);
    proofLayout = await rendered('service-proof', proof);
  }, 180_000);

  it('are A4 with every character inside the type area and no line starting with a closing mark', () => {
    for (const layout of [decisionLayout, proofLayout]) {
      expect(layout.pages[0]).toEqual({
        width: expect.closeTo(595.3, 0) as unknown as number,
        height: expect.closeTo(841.9, 0) as unknown as number,
      });
      expect(outsideTypeArea(layout)).toEqual([]);
      expect(linesStartingWithClosingMark(layout)).toEqual([]);
    }
  });

  it('the decision states who, the facts, the form and its basis, the right to appeal, the body and date', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: decision });
    for (const needle of [
      '考评问责〔2026〕3号',
      '关于对王建国同志问责的决定',
      '被问责人：王建国，示例县发展和改革局副局长，副科级（事实发生时任职）。',
      '一、查明的事实',
      '最长超期27个工作日。',
      '部分项目超期系申报材料不齐所致',
      '二、问责依据和方式',
      '上述问题属于不作为、乱作为，情节较重，负主要领导责任。',
      '决定给予王建国同志诫勉、调离现岗位。',
      '影响期自2026年6月15日起至2026年12月14日止',
      '三、申诉权利',
      '可在收到本决定之日起15日内向示例县人民政府申请复核，或者向示例县人民政府提出申诉',
      '不停止本决定的执行',
      '本决定自作出之日起生效。',
      '2026年6月15日',
    ])
      expect(text, needle).toContain(needle);
  });

  it('the proof of service names the document, the recipient, how and when, with lines to sign', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: proof });
    for (const needle of [
      '送达回证',
      '关于对王建国同志问责的决定（考评问责〔2026〕3号）',
      '直接送达',
      '2026年6月16日',
      '受送达人签收',
    ])
      expect(text, needle).toContain(needle);
  });
});
