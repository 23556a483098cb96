import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './tmp';

/**
 * The TypeScript sources under the given folders (relative to the repository), with their text, for tests that read
 * code.
 */
export function sourceFiles(
  dirs: string[],
  skip: (rel: string) => boolean = () => false,
): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(e.name) && !skip(rel))
        out.push({ file: rel, text: fs.readFileSync(path.join(repoRoot, rel), 'utf8') });
    }
  };
  for (const d of dirs) walk(d);
  return out;
}
