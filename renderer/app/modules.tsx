import {
  ApartmentOutlined,
  AimOutlined,
  AuditOutlined,
  FieldTimeOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  EditOutlined,
  EyeOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SwapOutlined,
  TrophyOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { roles, type Role } from '../../electron/contract/labels';

export interface ModuleDef {
  key: string;
  label: string;
  icon: ReactNode;
  /** What the module will hold, shown until it is built. */
  plans: string[];
  /** Who sees it in the navigation (三员分立: the administrator sees no case content, the auditor only the trail). */
  roles: Role[];
  /** The menu group it sits under (shown open), if any. */
  group?: string;
}

/** The year's scoring, from the bodies' entries to the published result, under one heading of the menu. */
export const SCORING_GROUP = '考评计分';
export const groupIcons: Record<string, ReactNode> = { [SCORING_GROUP]: <AuditOutlined /> };

const work: Role[] = ['evaluator', 'leader'];

/** The leader's dashboard, then the modules of the navigation, in the order an office works through a year. */
export const modules: ModuleDef[] = [
  // the leader's home: the year's charts, read-only
  {
    key: 'dashboard',
    label: '领导看板',
    icon: <DashboardOutlined />,
    plans: ['季度完成趋势与等次分布', '分类排名与指标得分率热力图', '图表导出图片与打印'],
    roles: ['leader', 'evaluator'],
  },
  {
    key: 'org',
    label: '组织人员',
    icon: <ApartmentOutlined />,
    plans: [
      '单位层级（市—县—部门、乡镇）与考核类别',
      '人员、职务职级、行政首长与岗位职责',
      'Excel 模板导入（先预览后写入）与导出',
    ],
    roles: work,
  },
  {
    key: 'targets',
    label: '目标管理',
    icon: <AimOutlined />,
    plans: [
      '年度考核方案与指标体系（共性、个性、加分、扣分、一票否决）',
      '各单位目标任务与季度节点',
      '目标责任书批量生成、打印与签订',
    ],
    roles: work,
  },
  {
    key: 'progress',
    label: '进展督查',
    icon: <FileSearchOutlined />,
    plans: [
      '季度进展报告与佐证材料',
      '半年督查与发现问题',
      '问询、督办、整改通知书及回复',
      '逾期事项看板（按工作日计算期限）',
    ],
    roles: [...work, 'clerk'],
  },
  {
    key: 'scoring-entry',
    label: '评分录入',
    icon: <EditOutlined />,
    plans: ['考核责任单位逐项评分、报送与退回', 'Excel 评分表下载与导入', '单位自评'],
    roles: [...work, 'clerk'],
    group: SCORING_GROUP,
  },
  {
    key: 'efficiency',
    label: '审批效率与行政成本',
    icon: <FieldTimeOutlined />,
    plans: ['审批办件导入与按时办结率', '各部门行政成本与计分办法', '季度审批绩效评分通报与 Excel'],
    roles: work,
    group: SCORING_GROUP,
  },
  {
    key: 'rule-tables',
    label: '规则表',
    icon: <TableOutlined />,
    plans: ['单位扣分规则等可修改的规则表', '每次修改生成新版本，保留修改历史'],
    roles: work,
    group: SCORING_GROUP,
  },
  {
    key: 'results',
    label: '结果与奖惩',
    icon: <TrophyOutlined />,
    plans: ['分类排名与等次、得分反查', '计分规则（封顶、并列规则、分数线或名额）', '年度奖惩核算与导出'],
    roles: work,
    group: SCORING_GROUP,
  },
  {
    key: 'publication',
    label: '结果公示',
    icon: <NotificationOutlined />,
    plans: ['冻结评分结果', '考核结果公示与异议处理', '考核结果通报'],
    roles: work,
    group: SCORING_GROUP,
  },
  {
    key: 'cases',
    label: '责任追究',
    icon: <SafetyCertificateOutlined />,
    plans: ['问责线索与案件全过程（调查、审议、送达、申诉、执行）', '问询通知书与问责决定书'],
    roles: work,
  },
  {
    key: 'supervision-web',
    label: '监督网络',
    icon: <EyeOutlined />,
    plans: ['投诉登记与办理', '审计发现与整改', '移送处理与反馈', '联席会议与议定事项'],
    roles: work,
  },
  {
    key: 'archives',
    label: '档案',
    icon: <FolderOpenOutlined />,
    plans: [
      '人员档案（任职、考核、问责、培训、奖励）与档案摘要',
      '公务员年度考核：优秀比例与处分影响',
      '处分与组织处理登记、培训记录',
    ],
    roles: work,
  },
  {
    key: 'exchange',
    label: '数据交换',
    icon: <SwapOutlined />,
    plans: ['与上级、下级通过 U 盘交换签名加密的数据包', '登记上下级节点并核对指纹', '导入前预览、回执与冲突报告'],
    roles: ['evaluator', 'leader'],
  },
  {
    key: 'audit',
    label: '安全审计',
    icon: <FileProtectOutlined />,
    plans: ['审计日志查询、校验与导出'],
    roles: ['auditor'],
  },
  {
    key: 'settings',
    label: '系统设置',
    icon: <SettingOutlined />,
    plans: ['本单位与公文设置、工作日历、账号、备份与恢复'],
    roles: [...roles],
  },
];
