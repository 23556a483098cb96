export const PASSWORD = 'Kaoping#2026';
export const INITIAL_PASSWORD = 'Initial#2026';

export type AccountRole = 'admin' | 'evaluator' | 'clerk' | 'leader' | 'auditor';
export const ADMIN = { username: 'guanli', displayName: '王管理' };
export const accountNames: Record<Exclude<AccountRole, 'admin'>, string> = {
  evaluator: '李考评',
  clerk: '张录入',
  leader: '赵领导',
  auditor: '孙审计',
};
export const usernameOf = (role: AccountRole): string => (role === 'admin' ? ADMIN.username : `user-${role}`);

/** Where the run's accounts template is: set by the global setup, read by the host fixture. */
export const ACCOUNTS_TEMPLATE_ENV = 'KAOPING_E2E_ACCOUNTS_DB';
