// Renders build/resources/icon.svg into the icons electron-builder packs: icon.png (512), icons/<n>x<n>.png for
// Linux and icon.ico (16–256, PNG-compressed entries, Windows Vista and later) for Windows. Uses Debian's Chromium
// through Playwright, both already here for the e2e tests; the outputs are committed, so a packaging machine needs
// neither. Run again after changing the SVG: node build/scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

const browser = await chromium.launch({ executablePath: process.env.KAOPING_CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage();
const png = {};
for (const size of [...new Set([...ICO_SIZES, ...LINUX_SIZES])]) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  png[size] = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}
await browser.close();

/** An .ico whose entries are PNGs: a 6-byte header, a 16-byte directory entry per image, then the images. */
function ico(sizes) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const entries = sizes.map((s) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(s >= 256 ? 0 : s, 0);
    e.writeUInt8(s >= 256 ? 0 : s, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png[s].length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png[s].length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...sizes.map((s) => png[s])]);
}

fs.writeFileSync(path.join(dir, 'icon.png'), png[512]);
fs.writeFileSync(path.join(dir, 'icon.ico'), ico(ICO_SIZES));
fs.mkdirSync(path.join(dir, 'icons'), { recursive: true });
for (const s of LINUX_SIZES) fs.writeFileSync(path.join(dir, 'icons', `${s}x${s}.png`), png[s]);
console.log(`已生成 ${path.relative(process.cwd(), dir)}/icon.png、icon.ico 与 icons/`);
