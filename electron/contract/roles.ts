import { role, type ValueOf } from '../vocab';

/** 三员分立: administration, evaluation work, data entry, reading and audit are separate roles. */
export const roles = role.values;
export type Role = ValueOf<typeof role>;
export const roleLabels = role.labels;

/** Who is making a call. Every transport supplies one; the dispatcher checks its role. */
export interface Caller {
  /** users.id; null for the command line's trusted operator in tests and for anonymous calls. */
  userId: number | null;
  username: string;
  role: Role;
  /** The unit a 录入员 may report for. */
  unitId?: number | null;
}
