import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrameError, FrameReader } from '../../../electron/services/exchange/frames';
import { noise } from '../../support/exchange-craft';
import { tempDir } from '../../support/tmp';

const frame = (type: number, payload: Buffer) => {
  const head = Buffer.alloc(5);
  head[0] = type;
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
};

function readAll(bytes: Buffer): { type: number; payload: Buffer }[] {
  const t = tempDir();
  try {
    const file = path.join(t.dir, 'body.bin');
    fs.writeFileSync(file, bytes);
    const fd = fs.openSync(file, 'r');
    try {
      const r = new FrameReader(fd);
      const out: { type: number; payload: Buffer }[] = [];
      // a payload is a view of the reader's block: copied here, as a caller that keeps it must
      for (let f = r.next(); f; f = r.next()) out.push({ type: f.type, payload: Buffer.from(f.payload) });
      return out;
    } finally {
      fs.closeSync(fd);
    }
  } finally {
    t.cleanup();
  }
}

describe('the body reader (frames read from blocks of 1 MiB)', () => {
  it('gives back every frame whole, across block boundaries and larger than a block', () => {
    // sizes chosen so that heads and payloads straddle the 1 MiB boundaries
    const sizes = [
      0,
      7,
      2 ** 20 - 9,
      3,
      2 ** 20 + 5,
      300,
      3 * 2 ** 20,
      1,
      ...Array.from({ length: 3000 }, (_, i) => i),
    ];
    const frames = sizes.map((n, i) => ({ type: (i % 5) + 1, payload: noise(n) }));
    const got = readAll(Buffer.concat(frames.map((f) => frame(f.type, f.payload))));
    expect(got.length).toBe(frames.length);
    got.forEach((g, i) => {
      expect(g.type).toBe(frames[i]!.type);
      expect(g.payload.equals(frames[i]!.payload)).toBe(true);
    });
  });

  it('refuses a body cut inside a frame, and a frame longer than the limit, in words', () => {
    const whole = Buffer.concat([frame(1, noise(2 ** 20)), frame(2, noise(10))]);
    for (const cut of [3, 2 ** 20 + 2, whole.length - 4])
      expect(() => readAll(whole.subarray(0, cut))).toThrow(new FrameError('数据包内容在一条记录中间结束'));
    const huge = Buffer.alloc(5);
    huge[0] = 1;
    huge.writeUInt32BE(5 * 2 ** 20, 1);
    expect(() => readAll(huge)).toThrow(/超过上限/);
  });
});
