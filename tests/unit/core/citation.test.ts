import { describe, expect, it } from 'vitest';
import { shortTargetName, targetCitation } from '../../../electron/core';

describe('a bulletin cites a target by indicator and a short name', () => {
  it('takes the first clause, without its closing punctuation', () => {
    expect(shortTargetName('完成全县固定资产投资年度目标，全年增长8%以上；超额完成的给予奖励。')).toBe(
      '完成全县固定资产投资年度目标',
    );
    expect(shortTargetName('城镇新增就业。')).toBe('城镇新增就业');
  });

  it('cuts a long clause to 16 characters with an ellipsis, never after an opening mark', () => {
    const cut = shortTargetName('推进县域医疗卫生共同体建设并实现乡镇卫生院全覆盖');
    expect(cut).toBe('推进县域医疗卫生共同体建设并实…');
    expect(cut.length).toBeLessThanOrEqual(16);
    expect(shortTargetName('推进县域医疗卫生共同体建设并实（现乡镇全覆盖）', 16)).toBe(
      '推进县域医疗卫生共同体建设并实…',
    );
    expect(shortTargetName('推进县域医疗卫生共同体建设并“实现乡镇全覆盖”', 16)).toBe('推进县域医疗卫生共同体建设并…');
  });

  it('names the indicator, and the short name when it adds something', () => {
    expect(targetCitation({ indicator: '固定资产投资', content: '完成全县固定资产投资年度目标，增长8%。' })).toBe(
      '固定资产投资（完成全县固定资产投资年度目标）',
    );
    expect(targetCitation({ indicator: '城镇新增就业人数', content: '城镇新增就业。' })).toBe('城镇新增就业人数');
  });
});
