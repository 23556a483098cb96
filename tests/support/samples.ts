import type { ChannelInput, ChannelName } from '../../electron/contract';

/**
 * One valid input per channel. The type makes a channel without a sample a compile error,
 * so the table-driven hostile-input and role tests cover every channel as the contract grows.
 */
export const validSamples: { [C in ChannelName]: ChannelInput<C> } = {
  'system.info': {},
  'auth.status': {},
  'auth.setup': { username: 'admin', displayName: '管理员', password: 'Kaoping#2026' },
  'auth.login': { username: 'admin', password: 'Kaoping#2026' },
  'auth.logout': {},
  'auth.lock': {},
  'auth.unlock': { password: 'Kaoping#2026' },
  'auth.changePassword': { oldPassword: 'Kaoping#2026', newPassword: 'Kaoping#2027' },
  'users.list': {},
  'users.create': { username: 'kpy01', displayName: '考评员一', role: 'evaluator', password: 'Kaoping#2026' },
  'users.update': { id: 1, displayName: '改名' },
  'users.resetPassword': { id: 1, password: 'Kaoping#2026' },
  'users.unlock': { id: 1 },
  'settings.get': {},
  'settings.update': { unitName: '示例县人民政府目标考评办公室', level: 'county' },
  'calendar.list': { year: 2026 },
  'calendar.set': { date: '2026-10-01', kind: 'holiday', note: '国庆节' },
  'calendar.remove': { date: '2026-10-01' },
  'calendar.preview': { fileName: 'cal.csv', base64: Buffer.from('日期,类型\n2026-10-01,休\n').toString('base64') },
  'calendar.import': { fileName: 'cal.csv', base64: Buffer.from('日期,类型\n2026-10-01,休\n').toString('base64') },
  'audit.list': { offset: 0, limit: 10 },
  'audit.verify': {},
  'audit.export': {},
  'backup.list': {},
  'backup.create': {},
  'backup.inspect': { file: '/nonexistent/x.kpbak' },
  'backup.restore': { file: '/nonexistent/x.kpbak', confirm: true },
  'backup.restoreNew': { file: '/nonexistent/x.kpbak', confirm: true },
};
