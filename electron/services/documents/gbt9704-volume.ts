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

/** A volume's text is deflated fast: 100 letters' markup repeats itself, and the file is about a third larger. */
const VOLUME_LEVEL = 1;

const notOurs = (why: string) => new Error(`该文件不是本系统生成的公文，无法合订：${why}`);

/**
 * The letters' XML is handled as latin1 strings — one character a byte, so the UTF-8 bytes pass through unchanged and
 * nothing is decoded (decoding 100 letters' Chinese text was most of a volume's time); the markup it looks for is
 * ASCII, and the shape's own strings are turned into the same form.
 */
type Bytes = Pick<Shape, 'head' | 'tail' | 'sectPrs'>;
const asBytes = new WeakMap<Shape, Bytes>();
function bytesOf(shape: Shape): Bytes {
  let b = asBytes.get(shape);
  if (!b) {
    const l = (x: string) => Buffer.from(x, 'utf8').toString('latin1');
    asBytes.set(shape, (b = { head: l(shape.head), tail: l(shape.tail), sectPrs: shape.sectPrs.map(l) }));
  }
  return b;
}

interface Letter {
  /** The body's content, its last section's properties left out. */
  body: string;
  kinds: string[];
}

/** A letter's document.xml, inflated once, and the zip's other parts as listed. */
function documentOf(file: Buffer, n: number) {
  const parts = readZip(file);
  const document = parts.get('word/document.xml');
  if (!document) throw notOurs(`第 ${n + 1} 份没有 word/document.xml`);
  return { parts, xml: document.read() };
}

function letterOf({ parts, xml: bytes }: ReturnType<typeof documentOf>, n: number): Letter {
  const xml = bytes.toString('latin1');
  const last = xml.lastIndexOf('<w:sectPr');
  const sectPrs = xml.match(SECT_PR) ?? [];
  const kinds = sectPrs.map(kindOfSection);
  const shape = bytesOf(shapeOf(gbt9704Frame, kinds));
  if (!xml.startsWith(shape.head) || xml.slice(last) !== sectPrs[sectPrs.length - 1]! + shape.tail)
    throw notOurs(`第 ${n + 1} 份的正文结构不同`);
  // every other part as the engine writes it for a file of this shape
  for (const p of shapeOf(gbt9704Frame, kinds).parts) {
    if (typeof p === 'string') continue;
    const theirs = parts.get(p.name);
    if (!theirs || theirs.crc !== p.crc || theirs.size !== p.size) throw notOurs(`第 ${n + 1} 份的 ${p.name} 不同`);
  }
  if (parts.size !== shapeOf(gbt9704Frame, kinds).parts.length) throw notOurs(`第 ${n + 1} 份的部件不同`);
  return { body: xml.slice(shape.head.length, last), kinds };
}

/** A letter has its text and may have a 版记 section: which, told from its parts' list without inflating any. */
const CANDIDATES = [['text', 'colophon'], ['text']];
function kindsOf(file: Buffer, n: number): string[] {
  const parts = readZip(file);
  const fits = (kinds: string[]) => {
    const shape = shapeOf(gbt9704Frame, kinds);
    return (
      parts.size === shape.parts.length &&
      shape.parts.every((p) =>
        typeof p === 'string' ? parts.has(p) : parts.get(p.name)?.crc === p.crc && parts.get(p.name)?.size === p.size,
      )
    );
  };
  // none fits: the full reading says what differs
  return CANDIDATES.find(fits) ?? letterOf(documentOf(file, n), n).kinds;
}

/** A letter's body in the volume: its sections' properties those of its place, the last one in its last paragraph. */
function placed(l: Letter, shape: Bytes, first: number, isLast: boolean): string {
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
 * letters' sections are told from their parts' list, then each letter is inflated and placed in turn, so that a
 * worker binds a 100-letter volume holding little more than the volume itself.
 */
export function volumeFromDocx(title: string, letters: Buffer[]): Buffer {
  if (letters.length === 0) throw new Error('nothing to combine');
  const shape = shapeOf(
    gbt9704Frame,
    letters.flatMap((f, n) => kindsOf(f, n)),
  );
  const bytes = bytesOf(shape);
  const chunks: Buffer[] = [Buffer.from(bytes.head, 'latin1')];
  let first = 0;
  letters.forEach((f, n) => {
    const l = letterOf(documentOf(f, n), n);
    chunks.push(Buffer.from(placed(l, bytes, first, n === letters.length - 1), 'latin1'));
    first += l.kinds.length;
  });
  chunks.push(Buffer.from(bytes.tail, 'latin1'));
  return packParts(shape, Buffer.concat(chunks), title, VOLUME_LEVEL);
}
