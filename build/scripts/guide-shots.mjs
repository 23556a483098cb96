// Refreshes the guide's pictures from the last e2e run: every `shots/<name>.png` the guide (renderer/guide/*.md)
// shows is copied from test-results/screenshots, where the e2e suite's shot() saves it. Run after `npm run test:e2e`
// and commit the changed pictures; tests/unit/renderer/guide.test.ts fails when the guide shows a picture
// no spec takes.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'renderer/guide');
const from = path.join(root, 'test-results/screenshots');
const to = path.join(root, 'renderer/public/guide-shots');

const names = new Set();
for (const f of fs.readdirSync(guide).filter((f) => f.endsWith('.md')))
  for (const m of fs.readFileSync(path.join(guide, f), 'utf8').matchAll(/\]\(shots\/([\w-]+)\.png\)/g)) names.add(m[1]);

fs.mkdirSync(to, { recursive: true });
const missing = [];
for (const n of names) {
  const src = path.join(from, `${n}.png`);
  if (!fs.existsSync(src)) missing.push(n);
  else fs.copyFileSync(src, path.join(to, `${n}.png`));
}
// a picture the guide no longer shows goes, so the folder holds exactly the guide's pictures
for (const f of fs.readdirSync(to)) if (!names.has(f.replace(/\.png$/, ''))) fs.rmSync(path.join(to, f));
console.log(`guide-shots: ${names.size - missing.length} copied`);
if (missing.length) {
  console.error(`guide-shots: not in test-results/screenshots (run the e2e suite first): ${missing.join(', ')}`);
  process.exit(1);
}
