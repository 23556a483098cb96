import { describe, expect, it } from 'vitest';
import { excelSerialDate, parseDateText, readDate } from '../../../electron/core';

describe('dates as offices write them', () => {
  it.each([
    ['2013-04-01', '2013-04-01'],
    ['2013/4/1', '2013-04-01'],
    ['2013.4.1', '2013-04-01'],
    ['2013年4月1日', '2013-04-01'],
    ['2013 年 4 月 1 日', '2013-04-01'],
    ['20130401', '2013-04-01'],
    ['２０１３．０４．０１', '2013-04-01'],
  ])('%s is a day', (text, date) => {
    expect(readDate(text)).toEqual({ kind: 'day', date });
  });

  it.each([
    ['2013.04', '2013-04-01'],
    ['2013.4', '2013-04-01'],
    ['2013.10', '2013-10-01'],
    ['2013.1', '2013-01-01'],
    ['2013-04', '2013-04-01'],
    ['2013/04', '2013-04-01'],
    ['2013年4月', '2013-04-01'],
    ['2013年04月', '2013-04-01'],
    ['201304', '2013-04-01'],
  ])('%s written as text is a month, stored as its first day', (text, date) => {
    expect(readDate(text)).toEqual({ kind: 'month', date });
  });

  it('a number cell 2013.1 may be January or October (Excel drops the 0 of 2013.10): both readings', () => {
    expect(readDate('2013.1', { numeric: true })).toEqual({
      kind: 'ambiguous',
      readings: ['2013-01-01', '2013-10-01'],
    });
    // 2013.4 cannot have lost a zero (there is no 40th month); 2013.12 lost nothing
    expect(readDate('2013.4', { numeric: true })).toEqual({ kind: 'month', date: '2013-04-01' });
    expect(readDate('2013.12', { numeric: true })).toEqual({ kind: 'month', date: '2013-12-01' });
  });

  it('an Excel day serial in a number cell is its date; in text it is not', () => {
    expect(excelSerialDate(41365)).toBe('2013-04-01');
    expect(readDate('41365', { numeric: true })).toEqual({ kind: 'day', date: '2013-04-01' });
    expect(readDate('41365')).toEqual({ kind: 'invalid' });
  });

  it.each(['2013', '2013.13', '2013-02-30', '13.04', '2013年', '四月', '1899.05', 'abc', ''])(
    '%s is refused',
    (text) => {
      expect(readDate(text).kind).toBe('invalid');
    },
  );

  it('parseDateText (calendars, deadlines) wants a day', () => {
    expect(parseDateText('2026/10/1')).toBe('2026-10-01');
    expect(parseDateText('2026.10')).toBeNull();
  });
});
