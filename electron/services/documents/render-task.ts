import { createHash } from 'node:crypto';
import { type LetterInput, buildResponsibilityLetter } from '../../core';
import { renderOfficialDocument } from './gbt9704';

/** What a render worker is asked to do: pure functions of their input, no database, no files. */
export type RenderTask = { kind: 'letter'; input: LetterInput };

export interface Rendered {
  bytes: Uint8Array;
  sha256: string;
  /** The model the file was rendered from, as stored beside the letter (JSON). */
  model: string;
}

/** Runs one task, in a worker or (with no worker) on the calling thread. */
export async function runRenderTask(task: RenderTask): Promise<Rendered> {
  const doc = buildResponsibilityLetter(task.input);
  const bytes = await renderOfficialDocument(doc);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), model: JSON.stringify(doc) };
}
