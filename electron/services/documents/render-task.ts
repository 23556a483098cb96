import { createHash } from 'node:crypto';
import { type LetterInput, type OfficialDocument, buildResponsibilityLetter, markDemo } from '../../core';
import { renderOfficialDocumentSync, volumeFromDocx } from './gbt9704';

/** What a render worker is asked to do: pure functions of their input, no database, no files. */
export type RenderTask = (
  | { kind: 'letter'; input: LetterInput }
  /** A bound volume from the letters' files as registered (checked against the register by the caller). */
  | { kind: 'volume'; title: string; letters: Uint8Array[] }
  /** A bound volume laid out from the letters' models: for letters an earlier version built. */
  | { kind: 'combined'; title: string; docs: OfficialDocument[] }
  /** One document laid out from its model (a 考核登记表 of a unit's batch). */
  | { kind: 'document'; doc: OfficialDocument }
) & {
  /** Demonstration data: every document laid out here says 演示数据 (the pool sets it for a demonstration app). */
  demo?: boolean;
};

export interface Rendered {
  bytes: Uint8Array;
  sha256: string;
  /** The model the file was rendered from, as stored beside a letter (JSON); empty for a volume. */
  model: string;
}

const rendered = (bytes: Uint8Array, model = ''): Rendered => ({
  bytes,
  sha256: createHash('sha256').update(bytes).digest('hex'),
  model,
});

/** Runs one task, in a worker or (with no worker) on the calling thread. */
export function runRenderTask(task: RenderTask): Rendered {
  switch (task.kind) {
    case 'letter': {
      const doc = markDemo(buildResponsibilityLetter(task.input), task.demo);
      return rendered(renderOfficialDocumentSync(doc), JSON.stringify(doc));
    }
    case 'volume':
      return rendered(
        volumeFromDocx(
          task.title,
          task.letters.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
        ),
      );
    case 'document':
      return rendered(renderOfficialDocumentSync(markDemo(task.doc, task.demo)));
    case 'combined':
      // each letter laid out on its own, then bound as built: the same file as renderCombined, in a small heap
      return rendered(
        volumeFromDocx(
          task.title,
          task.docs.map((d) => renderOfficialDocumentSync(markDemo(d, task.demo))),
        ),
      );
  }
}
