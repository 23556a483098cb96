import { unitKind, type ValueOf } from '../vocab';

export const unitKinds = unitKind.values;
export type UnitKind = ValueOf<typeof unitKind>;
export const unitKindLabels = unitKind.labels;
