export const backupKindLabels: Record<'manual' | 'auto' | 'pre-restore' | 'pre-import', string> = {
  manual: '手动备份',
  auto: '自动备份',
  'pre-restore': '恢复前自动保留',
  'pre-import': '导入数据包前',
};
