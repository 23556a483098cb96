import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, channels, roles } from '../../../electron/contract';
import { handlers } from '../../../electron/services/handlers';
import { validSamples } from '../../support/samples';

describe('the contract', () => {
  it.each(channelNames)('%s is named area.verb, has a Chinese title, known roles and a handler', (name) => {
    const def = channels[name];
    expect(name).toMatch(/^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:[A-Z][a-z]+)*$/);
    expect(def.title).toMatch(/[\u4e00-\u9fff]/);
    expect(def.roles.length).toBeGreaterThan(0);
    for (const r of def.roles) expect(roles).toContain(r);
    const h = handlers[name] as unknown;
    const entry = typeof h === 'object' && h !== null;
    expect(
      typeof h === 'function' || (entry && 'prepare' in h && 'run' in h) || (entry && 'steps' in h && 'busy' in h),
    ).toBe(true);
  });

  it.each(channelNames)('%s takes a strict object: unknown fields are refused, the sample is accepted', (name) => {
    const input = channels[name].input;
    expect(input).toBeInstanceOf(z.ZodObject);
    expect(input.safeParse(validSamples[name]).success).toBe(true);
    expect(input.safeParse({ ...(validSamples[name] as object), unexpected: 1 }).success).toBe(false);
  });

  it('has no handler without a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });
});
