/** 三员分立: administration, evaluation work, data entry, reading and audit are separate roles. */
export const roles = ['admin', 'evaluator', 'clerk', 'leader', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  evaluator: '考评员',
  clerk: '录入员',
  leader: '领导',
  auditor: '安全审计员',
};

/** Who is making a call. Every transport supplies one; the dispatcher checks its role. */
export interface Caller {
  /** users.id; null for the command line's trusted operator in tests and for anonymous calls. */
  userId: number | null;
  username: string;
  role: Role;
  /** The unit a 录入员 may report for. */
  unitId?: number | null;
}
