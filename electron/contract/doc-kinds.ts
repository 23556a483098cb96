/** The kinds of official document the system numbers, each with its own 代字 and sequence (from electron/vocab). */
import { docKind, type ValueOf } from '../vocab';

export const docKinds = docKind.values;
export type DocKind = ValueOf<typeof docKind>;
export const docKindLabels = docKind.labels;
