import { backupKind } from '../vocab';

export const backupKinds = backupKind.values;
export const backupKindLabels = backupKind.labels;
