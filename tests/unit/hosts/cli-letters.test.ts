import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, testApp, type TestApp } from '../../support/app';
import { runCliOn } from '../../support/cli';
import { samplePlan } from '../../support/sample-plan';

let t: TestApp | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const run = (argv: string[]) => runCliOn(t!.app, argv);

describe('kaoping letters generate', () => {
  it('generates every unit’s letter and the combined file into --out, each registered', async () => {
    t = await testApp();
    await samplePlan(t.app);
    await addUser(t.app, 'kpy', 'evaluator');
    const out = path.join(t.dir, 'usb', '责任书');
    const r = await run(['letters', 'generate', '--plan', '2026', '--out', out, '--as', 'kpy']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\[1\/6\] SX-FGJ 示例县发展和改革局：考评责〔\d{4}〕1号 → /);
    expect(r.out).toContain('完成：生成 6 份。');
    const files = fs.readdirSync(out).sort();
    expect(files).toHaveLength(7);
    expect(files.filter((f) => f.startsWith('合订本'))).toHaveLength(1);
    expect(files.every((f) => f.endsWith('.docx'))).toBe(true);
    const registered = t.app.opened.sqlite.prepare('select count(*) as n from documents').get() as { n: number };
    expect(registered.n).toBe(7);
    // again: every letter is current, none is generated or voided, each file is copied as it is
    const again = await run(['letters', 'generate', '--plan', '2026', '--out', out, '--as', 'kpy']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^\[1\/6\] SX-FGJ 示例县发展和改革局：考评责〔\d{4}〕1号 已是最新，未重新生成 → /);
    expect(again.out).toContain('完成：生成 0 份，跳过 6 份（已是最新）。');
    const after = t.app.opened.sqlite.prepare('select count(*) as n, count(voided_at) as v from documents').get();
    expect(after).toEqual({ n: 7, v: 0 });
  });

  it('one unit with --unit; an unknown plan year or unit is refused in Chinese', async () => {
    t = await testApp();
    await samplePlan(t.app);
    await addUser(t.app, 'kpy', 'evaluator');
    const out = path.join(t.dir, 'out');
    const one = await run(['letters', 'generate', '--plan', '2026', '--unit', 'SX-CZJ', '--out', out, '--as', 'kpy']);
    expect(one.code).toBe(0);
    expect(fs.readdirSync(out)).toHaveLength(1);
    expect((await run(['letters', 'generate', '--plan', '2031', '--out', out, '--as', 'kpy'])).err).toBe(
      '没有 2031 年度的考核方案。',
    );
    expect(
      (await run(['letters', 'generate', '--plan', '2026', '--unit', 'NOPE', '--out', out, '--as', 'kpy'])).err,
    ).toBe('方案中没有单位代码为“NOPE”且尚未签订的单位。');
    expect((await run(['letters', 'generate', '--plan', '2026', '--as', 'kpy'])).code).toBe(2);
  });

  it('an output location that is a file stops with where and why, and leaves nothing half-written', async () => {
    t = await testApp();
    await samplePlan(t.app);
    await addUser(t.app, 'kpy', 'evaluator');
    const blocker = path.join(t.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const r = await run(['letters', 'generate', '--plan', '2026', '--unit', 'SX-FGJ', '--out', blocker, '--as', 'kpy']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/已生成并登记，但复制到“.*not-a-folder”失败：/);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('x');
  });
});
