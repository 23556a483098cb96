import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, searchSections, sectionsOf } from '../../../renderer/features/help/markdown';

const root = path.resolve(import.meta.dirname, '../../..');
const guideDir = path.join(root, 'renderer/guide');
const shotsDir = path.join(root, 'renderer/public/guide-shots');
const specDir = path.join(root, 'tests/e2e/web');

const guideFiles = fs.readdirSync(guideDir).filter((f) => f.endsWith('.md'));
const read = (f: string) => fs.readFileSync(path.join(guideDir, f), 'utf8');
const pictures = guideFiles.flatMap((f) =>
  [...read(f).matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => ({ f, src: m[1]! })),
);
// the names the e2e suite saves: shot(page, 'name') in any spec
const taken = new Set(
  fs
    .readdirSync(specDir)
    .filter((f) => f.endsWith('.spec.ts'))
    .flatMap((f) => [...fs.readFileSync(path.join(specDir, f), 'utf8').matchAll(/shot\(\s*\w+,\s*'([\w-]+)'\s*\)/g)])
    .map((m) => m[1]!),
);

describe('the guide’s pictures are the e2e suite’s screenshots', () => {
  it('shows pictures at all', () => expect(pictures.length).toBeGreaterThan(5));

  it.each(pictures)('$f: $src is taken by a spec and committed', ({ src }) => {
    const m = /^shots\/([\w-]+)\.png$/.exec(src);
    expect(m, `${src}: a guide picture is written shots/<name>.png`).not.toBeNull();
    expect(taken.has(m![1]!), `no e2e spec calls shot(page, '${m![1]}'): renamed or removed?`).toBe(true);
    expect(fs.existsSync(path.join(shotsDir, `${m![1]}.png`)), 'run npm run test:e2e, then npm run guide:shots').toBe(
      true,
    );
  });

  it('keeps no picture the guide does not show', () => {
    const shown = new Set(pictures.map((p) => path.basename(p.src)));
    expect(fs.readdirSync(shotsDir).filter((f) => !shown.has(f))).toEqual([]);
  });
});

describe('the guide’s text', () => {
  const chapters = guideFiles.filter((f) => /^\d/.test(f)).map((f) => ({ key: f, text: read(f) }));
  const sections = sectionsOf(chapters);

  it('has the chapters an office needs', () => {
    expect([...new Set(sections.map((s) => s.chapter))]).toEqual([
      '开始使用',
      '组织人员',
      '目标管理与责任书',
      '进展督查',
      '考评计分',
      '领导看板',
      '系统设置与备份',
      '安全审计',
    ]);
  });

  it('finds 异议 in the publication section and not in unrelated ones', () => {
    const found = searchSections(sections, '异议').map((s) => s.title);
    expect(found).toContain('结果公示');
    expect(found).not.toContain('组织人员');
    expect(searchSections(sections, '  ')).toHaveLength(sections.length);
  });

  it('parses tables, lists and pictures', () => {
    const blocks = parseMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n1. x\n2. y\n\n![图](shots/a.png)\n');
    expect(blocks).toEqual([
      { kind: 'table', header: ['a', 'b'], rows: [['1', '2']] },
      { kind: 'list', ordered: true, items: ['x', 'y'] },
      { kind: 'image', alt: '图', src: 'shots/a.png' },
    ]);
  });
});
