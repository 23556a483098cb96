import { vocabulary } from './define';

export const noticeKind = vocabulary(
  { inquiry: '问询通知书', supervision: '督办通知书', rectification: '整改通知书' },
  ['inquiry', 'supervision', 'rectification'],
);

export const noticeState = vocabulary(
  { issued: '待回复', replied: '已回复待审核', accepted: '回复已认可', returned: '已退回重报', closed: '已办结' },
  ['issued', 'replied', 'accepted', 'returned', 'closed'],
);

export const rectificationState = vocabulary({ open: '整改中', done: '已完成待核验', verified: '已核验' }, [
  'open',
  'done',
  'verified',
]);

export const checkKind = vocabulary({ half_year: '半年督查', ad_hoc: '专项督查' }, ['half_year', 'ad_hoc']);

export const findingRating = vocabulary({ on_track: '正常推进', lagging: '进度滞后', serious: '严重滞后' }, [
  'on_track',
  'lagging',
  'serious',
]);
