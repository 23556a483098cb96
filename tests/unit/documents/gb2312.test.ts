import { describe, expect, it } from 'vitest';
import { gb2312Size, outsideGb2312 } from '../../../electron/services/documents/gb2312';

describe('characters the official fonts hold', () => {
  it('is exactly GB2312: 682 symbols and 6,763 hanzi', () => {
    expect(gb2312Size()).toBe(7445);
  });

  it('marks GBK-only and supplementary characters, keeps common punctuation with the text', () => {
    expect(outsideGb2312('王堃𠮷：ⅰ啊齄，')).toEqual([
      { text: '王', rare: false, astral: false },
      { text: '堃', rare: true, astral: false },
      { text: '𠮷', rare: true, astral: true },
      { text: '：', rare: false, astral: false },
      { text: 'ⅰ', rare: true, astral: false },
      { text: '啊齄，', rare: false, astral: false },
    ]);
  });
});
