import { vocabulary } from './define';

/** 三员分立: administration, evaluation work, data entry, reading and audit are separate roles. */
export const role = vocabulary(
  { admin: '系统管理员', evaluator: '考评员', clerk: '录入员', leader: '领导', auditor: '安全审计员' },
  ['admin', 'evaluator', 'clerk', 'leader', 'auditor'],
);
