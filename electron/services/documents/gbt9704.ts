import { type OfficialDocument } from '../../core';

import { packReference } from './gbt9704-docx';
import { gbt9704Frame } from './gbt9704-frame';
import { documentSections } from './gbt9704-layout';
import { type Layout } from './gbt9704-nodes';
import { packFast } from './gbt9704-package';

export { volumeFromDocx } from './gbt9704-volume';

/**
 * The document engine: a 公文 following GB/T 9704-2012 (see DOCUMENTS.md) as a .docx. The layout is taken once
 * (gbt9704-layout.ts); the file is written from XML fragments the docx package wrote once and parts made and
 * compressed once (gbt9704-xml.ts, gbt9704-package.ts). The reference renderer writes the same layout through docx
 * objects and its Packer: the two give the same bytes part by part (tests/unit/documents/engine-equivalence.test.ts).
 * Everything here is synchronous and a pure function of the model, so it runs as well in a worker thread.
 */

const layoutOf = (title: string, docs: OfficialDocument[]): Layout => ({
  frame: gbt9704Frame,
  title,
  sections: docs.flatMap(documentSections),
});

const single = (doc: OfficialDocument) => layoutOf(doc.title.replace(/\n/g, ''), [doc]);
const combined = (title: string, docs: OfficialDocument[]) => {
  if (docs.length === 0) throw new Error('nothing to combine');
  return layoutOf(title, docs);
};

/** Builds the .docx of an official document following GB/T 9704-2012 (see DOCUMENTS.md). */
export function renderOfficialDocumentSync(doc: OfficialDocument): Buffer {
  return packFast(single(doc));
}

/** Several documents in one file for printing, each in its own section starting on a new page at “— 1 —”. */
export function renderCombinedSync(title: string, docs: OfficialDocument[]): Buffer {
  return packFast(combined(title, docs));
}

export const renderOfficialDocument = (doc: OfficialDocument): Promise<Buffer> =>
  new Promise((resolve) => resolve(renderOfficialDocumentSync(doc)));

export const renderCombined = (title: string, docs: OfficialDocument[]): Promise<Buffer> =>
  new Promise((resolve) => resolve(renderCombinedSync(title, docs)));

/** The reference renderer: the same layout through the docx package's objects and Packer. */
export const renderReference = (doc: OfficialDocument): Promise<Buffer> => packReference(single(doc));

export const renderCombinedReference = (title: string, docs: OfficialDocument[]): Promise<Buffer> =>
  packReference(combined(title, docs));
