import { level, type ValueOf } from '../vocab';

export const levels = level.values;
export type Level = ValueOf<typeof level>;
export const levelLabels = level.labels;
