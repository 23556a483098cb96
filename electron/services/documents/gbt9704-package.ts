import zlib from 'node:zlib';
import { type Document, Packer, Paragraph, TextRun } from 'docx';

import { type Frame, type Layout } from './gbt9704-nodes';
import { bodyXml, escapeText } from './gbt9704-xml';
import { type ZipEntry, deflateEntry, writeZip } from './zip';

/**
 * A .docx from its parts: word/document.xml and docProps/core.xml written for each file, every other part (styles,
 * numbering, settings, theme, font table, footers, relationships, content types, app.xml) made by the docx package
 * and deflated once for each shape of file: its frame and the kinds of its sections, which decide the footers and
 * their relationships. The entries are in the order and under the names docx gives them.
 */

const MARK = '\uFDD0';
/** Where a timestamp goes in docProps/core.xml: the only bytes that differ from docx's file for the same layout. */
const NOW = '\u0000';
const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;

export interface Shape {
  key: string;
  /** document.xml up to and including <w:body>. */
  head: string;
  /** Each section's w:sectPr, in order. */
  sectPrs: string[];
  /** document.xml after the last section's properties. */
  tail: string;
  /** core.xml before and after the title, NOW where the timestamps go. */
  core: [string, string];
  /** The entries in order, the two written for each file by name. */
  parts: (ZipEntry | 'word/document.xml' | 'docProps/core.xml')[];
}

type Compiler = { compile(file: Document): Map<string, string | Uint8Array> };
const compiler = (Packer as unknown as { compiler: Compiler }).compiler;

const shapes = new Map<string, Shape>();
/** Volumes of any length make a shape each: the oldest go (a Map keeps its order). */
const MOST_SHAPES = 64;

export function shapeOf(frame: Frame, kinds: string[]): Shape {
  const key = `${frame.id}:${kinds.join(',')}`;
  const found = shapes.get(key);
  if (found) return found;
  const probe = frame.document(
    MARK,
    kinds.map((k) => ({ ...frame.section(k), children: [new Paragraph({ children: [new TextRun('')] })] })),
  );
  const files = compiler.compile(probe);
  const xml = String(files.get('word/document.xml'));
  const sectPrs = xml.match(/<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>/g) ?? [];
  if (sectPrs.length !== kinds.length) throw new Error(`docx wrote ${sectPrs.length} sections for ${kinds.length}`);
  const core = String(files.get('docProps/core.xml')).replace(TIMESTAMP, NOW).split(MARK);
  if (core.length !== 2) throw new Error('docx wrote the title other than once');
  const shape: Shape = {
    key,
    head: xml.slice(0, xml.indexOf('<w:body>') + '<w:body>'.length),
    sectPrs,
    tail: xml.slice(xml.lastIndexOf('</w:sectPr>') + '</w:sectPr>'.length),
    core: [core[0]!, core[1]!],
    parts: [...files].map(([name, data]) =>
      name === 'word/document.xml' || name === 'docProps/core.xml'
        ? name
        : deflateEntry(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data), 9),
    ),
  };
  if (shapes.size >= MOST_SHAPES) shapes.delete(shapes.keys().next().value!);
  shapes.set(key, shape);
  return shape;
}

/** The file of a shape with its document.xml and the title in its core.xml. */
export function packParts(
  shape: Shape,
  documentXml: string | Buffer,
  title: string,
  level: number = zlib.constants.Z_DEFAULT_COMPRESSION,
): Buffer {
  const core = (shape.core[0] + escapeText(title) + shape.core[1]).split(NOW).join(new Date().toISOString());
  return writeZip(
    shape.parts.map((p) =>
      p === 'word/document.xml'
        ? deflateEntry(p, typeof documentXml === 'string' ? Buffer.from(documentXml, 'utf8') : documentXml, level)
        : p === 'docProps/core.xml'
          ? deflateEntry(p, Buffer.from(core, 'utf8'))
          : p,
    ),
  );
}

/** A layout's .docx, written fast: the same parts, byte for byte, as docx's Packer writes (packReference). */
export function packFast(l: Layout): Buffer {
  const shape = shapeOf(
    l.frame,
    l.sections.map((s) => s.kind),
  );
  return packParts(shape, shape.head + bodyXml(l.sections, shape.sectPrs) + shape.tail, l.title);
}
