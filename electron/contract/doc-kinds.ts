/** The kinds of official document the system numbers, each with its own 代字 and sequence. */
export const docKinds = ['letter', 'inquiry', 'supervision', 'rectification', 'checkReport', 'decision', 'publicity', 'transfer'] as const;
export type DocKind = (typeof docKinds)[number];
export const docKindLabels: Record<DocKind, string> = {
  letter: '目标责任书',
  inquiry: '问询通知书',
  supervision: '督办通知书',
  rectification: '整改通知书',
  checkReport: '督查通报',
  decision: '问责决定书',
  publicity: '公示',
  transfer: '移送处理书',
};
