import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecisionDocument, buildIncidentReviewNotice, buildServiceProof } from '../../../electron/core';
import { renderOfficialDocument } from '../../../electron/services/documents/gbt9704';
import {
  footerText,
  isColophonPage,
  linesStartingWithClosingMark,
  outsideTypeArea,
  pdfWords,
  renderPdf,
  savePng,
} from '../../support/docx';
import { sampleDecision, sampleIncidentReview, sampleServiceProof } from '../../support/sample-accountability';
import { repoRoot, tempDir } from '../../support/tmp';

// The 问责决定书, its 送达回证 and the 检讨通知 through LibreOffice: A4, every character inside the type area, no line starting
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

describe('the 问责决定书, the 送达回证 and the 检讨通知', () => {
  let decision: Buffer;
  let proof: Buffer;
  let decisionLayout: ReturnType<typeof pdfWords>;
  let proofLayout: ReturnType<typeof pdfWords>;
  let longProofLayout: ReturnType<typeof pdfWords>;
  let review: Buffer;
  let reviewLayout: ReturnType<typeof pdfWords>;
  beforeAll(async () => {
    decision = await renderOfficialDocument(buildDecisionDocument(sampleDecision()));
    proof = await renderOfficialDocument(buildServiceProof(sampleServiceProof()));
    review = await renderOfficialDocument(buildIncidentReviewNotice(sampleIncidentReview()));
    decisionLayout = await rendered('decision', decision);
    proofLayout = await rendered('service-proof', proof);
    reviewLayout = await rendered('incident-review', review);
    // a long 送达回证: a unit's decision whose title takes two lines, a person served with a long post
    const long = await renderOfficialDocument(
      buildServiceProof({
        ...sampleServiceProof(),
        decisionTitle: '关于对示例县经济技术开发区管理委员会规划建设和生态环境保护局问责的决定',
        recipient: '欧阳建国（示例县青山镇人民政府农业农村综合服务中心党组成员、副主任兼乡村振兴工作站站长）',
        method: '留置送达',
        receivedBy: '欧阳建国',
      }),
    );
    longProofLayout = await rendered('service-proof-long', long);
  }, 180_000);

  it('are A4 with every character inside the type area and no line starting with a closing mark', () => {
    for (const layout of [decisionLayout, proofLayout, longProofLayout, reviewLayout]) {
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
      '直接送达，2026年6月16日',
      '受送达人签收',
      '拒绝签收的，由送达人注明情况，见证人签名',
    ])
      expect(text, needle).toContain(needle);
  });

  it('the proof of service is one page, with the 署名 and 成文日期 on it, even with long names', () => {
    for (const layout of [proofLayout, longProofLayout]) {
      expect(layout.pages).toHaveLength(1);
      const text = layout.words.map((w) => w.text).join('');
      for (const needle of ['送达回证', '送达地点', '受送达人签收', '见证人签名', '2026年6月16日'])
        expect(text, needle).toContain(needle);
    }
  });

  it('the 检讨通知 is a 通知 to the unit naming the head, the upper body, the incident and the deadline', async () => {
    // the text on the first pages, the 版记 alone on the last even page
    expect(reviewLayout.pages.length % 2).toBe(0);
    expect(isColophonPage(reviewLayout, reviewLayout.pages.length)).toBe(true);
    expect(footerText(reviewLayout, reviewLayout.pages.length)).toBe('');
    const { value: text } = await mammoth.extractRawText({ buffer: review });
    for (const needle of [
      '考评检〔2026〕1号',
      '关于示例县应急管理局就“2·26”危化品仓库火灾事故作出书面检讨的通知',
      '示例县应急管理局：',
      '2026年2月26日，你单位发生“2·26”危化品仓库火灾事故。',
      '单位行政首长应当向示例县人民政府作出书面检讨',
      '一、事故（事件）基本情况',
      '直接经济损失约300万元。',
      '请示例县应急管理局局长刘志强同志就上述事故（事件）向示例县人民政府作出书面检讨',
      '请于2026年3月10日（5个工作日内）前将书面检讨报送示例县人民政府目标考评办公室',
      '2026年3月2日',
    ])
      expect(text, needle).toContain(needle);
  });
});
