import { gbt9704Frame } from './gbt9704-frame';
import { type Shape, packParts, shapeOf } from './gbt9704-package';
import { withSectPr } from './gbt9704-xml';
import { readZip } from './zip';

/**
 * A bound volume from letters already built (their .docx files as registered): each letter's body is taken as it is
 * and only its sections' properties are written anew (their footers' relationship ids change with their place in the
 * volume). Nothing is laid out again; the result is, part for part, the file renderCombined makes of the same letters.
 */

const SECT_PR = /<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>/g;
const KINDS = ['text', 'colophon'];
/** A section's properties without its footers' relationship ids: what tells one kind of section from another. */
const bare = (sectPr: string) => sectPr.replace(/ r:id="[^"]*"/g, '');

let kindOf: Map<string, string> | undefined;
function kindOfSection(sectPr: string): string {
  kindOf ??= new Map(KINDS.map((k) => [bare(shapeOf(gbt9704Frame, [k]).sectPrs[0]!), k]));
  const kind = kindOf.get(bare(sectPr));
  if (!kind) throw notOurs('其分节设置不是本系统的格式');
  return kind;
}

const notOurs = (why: string) => new Error(`该文件不是本系统生成的公文，无法合订：${why}`);

interface Letter {
  /** The body's content, its last section's properties left out. */
  body: string;
  kinds: string[];
}

function letterOf(file: Buffer, n: number): Letter {
  const parts = readZip(file);
  const document = parts.get('word/document.xml');
  if (!document) throw notOurs(`第 ${n + 1} 份没有 word/document.xml`);
  const xml = document.read().toString('utf8');
  const last = xml.lastIndexOf('<w:sectPr');
  const sectPrs = xml.match(SECT_PR) ?? [];
  const kinds = sectPrs.map(kindOfSection);
  const shape = shapeOf(gbt9704Frame, kinds);
  if (!xml.startsWith(shape.head) || xml.slice(last) !== sectPrs[sectPrs.length - 1]! + shape.tail)
    throw notOurs(`第 ${n + 1} 份的正文结构不同`);
  // every other part as the engine writes it for a file of this shape
  for (const p of shape.parts) {
    if (typeof p === 'string') continue;
    const theirs = parts.get(p.name);
    if (!theirs || theirs.crc !== p.crc || theirs.size !== p.size) throw notOurs(`第 ${n + 1} 份的 ${p.name} 不同`);
  }
  if (parts.size !== shape.parts.length) throw notOurs(`第 ${n + 1} 份的部件不同`);
  return { body: xml.slice(shape.head.length, last), kinds };
}

/** A letter's body in the volume: its sections' properties those of its place, the last one in its last paragraph. */
function placed(l: Letter, shape: Shape, first: number, isLast: boolean): string {
  let i = first;
  const body = l.body.replace(SECT_PR, () => shape.sectPrs[i++]!);
  const sectPr = shape.sectPrs[i]!;
  if (isLast) return body + sectPr;
  if (!body.endsWith('</w:p>')) throw notOurs('最后一节不以段落结束');
  const p = body.lastIndexOf('<w:p>');
  const runs = body.indexOf('<w:r>', p);
  const end = runs < 0 ? body.length - '</w:p>'.length : runs;
  return body.slice(0, p) + withSectPr(body.slice(p, end), sectPr) + body.slice(end);
}

/**
 * The volume of these letters' files, in this order: as renderCombined(title, their models), not laid out again. The
 * letters are read twice, for their sections' kinds and then for their bodies, so that only one letter's text is held
 * as a string at a time: a worker binds a 100-letter volume in a small heap.
 */
export function volumeFromDocx(title: string, letters: Buffer[]): Buffer {
  if (letters.length === 0) throw new Error('nothing to combine');
  const shape = shapeOf(
    gbt9704Frame,
    letters.flatMap((f, n) => letterOf(f, n).kinds),
  );
  const chunks: Buffer[] = [Buffer.from(shape.head, 'utf8')];
  let first = 0;
  letters.forEach((f, n) => {
    const l = letterOf(f, n);
    chunks.push(Buffer.from(placed(l, shape, first, n === letters.length - 1), 'utf8'));
    first += l.kinds.length;
  });
  chunks.push(Buffer.from(shape.tail, 'utf8'));
  return packParts(shape, Buffer.concat(chunks), title);
}
