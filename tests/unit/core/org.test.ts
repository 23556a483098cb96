import { describe, expect, it } from 'vitest';
import {
  idNumberProblem,
  maskIdNumber,
  parentFirst,
  parseUnitKind,
  parseYesNo,
  unitCodeProblem,
} from '../../../electron/core';

describe('organisation rules', () => {
  it('reads unit kinds and yes/no as offices write them', () => {
    expect(['市', '县', '区', '部门', '乡镇', '街道', '其他'].map(parseUnitKind)).toEqual([
      'city',
      'county',
      'county',
      'department',
      'township',
      'township',
      'other',
    ]);
    expect(parseUnitKind('公司')).toBeNull();
    expect(['是', '否', '', 'Y', '也许'].map(parseYesNo)).toEqual([true, false, null, true, null]);
  });

  it('checks unit codes and ID numbers', () => {
    expect(unitCodeProblem('XA-001')).toBeNull();
    expect(unitCodeProblem('单位1')).toMatch(/只能由字母/);
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('110105194912310021')).toBe('身份证号校验位不正确');
    expect(idNumberProblem('12345')).toMatch(/18 位/);
  });

  it('masks an ID number to its first six and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber(null)).toBeNull();
  });

  it('orders parents before children and finds cycles', () => {
    const m = new Map<string, string | null>([
      ['C', 'B'],
      ['B', 'A'],
      ['A', null],
      ['D', 'EXISTING'],
      ['X', 'Y'],
      ['Y', 'X'],
    ]);
    const r = parentFirst(m);
    expect(r.order.indexOf('A')).toBeLessThan(r.order.indexOf('B'));
    expect(r.order.indexOf('B')).toBeLessThan(r.order.indexOf('C'));
    expect(r.order).toContain('D');
    expect(r.cycles.sort()).toEqual(['X', 'Y']);
  });
});
