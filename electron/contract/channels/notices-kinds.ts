/** Notice and state names for the UI (plain values, no zod). */
export const noticeKinds = ['inquiry', 'supervision', 'rectification'] as const;
export type NoticeKindName = (typeof noticeKinds)[number];
export const noticeKindLabels: Record<NoticeKindName, string> = { inquiry: '问询通知书', supervision: '督办通知书', rectification: '整改通知书' };
export const noticeStateLabels = { issued: '待回复', replied: '已回复待审核', accepted: '回复已认可', returned: '已退回重报', closed: '已办结' } as const;
