import { accountabilityForms, appealWindows } from './accountability-rules';
import { vocabulary } from './define';
import { complaintCategory } from './supervision-web';
import { staffGradeLimits, staffExcellentQuota } from './staff-rules';

/**
 * Rules from the regulations are editable, versioned tables an office keeps (shared/domain/rules.md), never code.
 * Each kind of table is declared here once: its name, its columns (the contract's zod row schema and the editing
 * screen are derived from them), the rows a new installation starts with, and the rows a part of the system reads
 * by code (those may be changed but not deleted). The accountability (问责) and staff-assessment registers add
 * their kinds here.
 */
export const ruleTableKind = vocabulary(
  {
    unit_deductions: '单位扣分规则',
    complaint_deductions: '投诉扣分规则',
    accountability_forms: '问责方式及影响期',
    appeal_windows: '问责救济与执行期限',
    staff_grade_limits: '处分与年度考核等次',
    staff_excellent_quota: '优秀比例与单位等次',
  },
  [
    'unit_deductions',
    'complaint_deductions',
    'accountability_forms',
    'appeal_windows',
    'staff_grade_limits',
    'staff_excellent_quota',
  ],
);

export type RuleTableKindName = (typeof ruleTableKind.values)[number];

/** A column of a rule table: what it holds decides its check and its editor. */
export type RuleColumn =
  | { key: string; label: string; type: 'code' }
  | { key: string; label: string; type: 'text'; required: boolean; max: number; wide?: boolean }
  | { key: string; label: string; type: 'points' }
  | { key: string; label: string; type: 'bool' }
  /** A whole number of something (months, days), 0 to max, shown with its unit. */
  | { key: string; label: string; type: 'count'; unit: string; max: number }
  | { key: string; label: string; type: 'choice'; options: readonly string[] };

export type RuleRow = Record<string, string | number | boolean>;

export interface RuleTableSpec {
  columns: readonly RuleColumn[];
  /** The rows a new installation starts with (version 1, reason “初始规则”). */
  defaults: readonly RuleRow[];
  /** Codes of rows a source of the system reads: editable, but not deletable. */
  required: readonly string[];
}

const per = ['每件', '每项', '每人次', '每起'] as const;

export const ruleTableSpecs: Record<RuleTableKindName, RuleTableSpec> = {
  unit_deductions: {
    columns: [
      { key: 'code', label: '代码', type: 'code' },
      { key: 'item', label: '扣分事项', type: 'text', required: true, max: 60, wide: true },
      { key: 'points', label: '分值', type: 'points' },
      { key: 'per', label: '计量', type: 'choice', options: per },
      { key: 'veto', label: '一票否决', type: 'bool' },
      { key: 'noAward', label: '取消评优', type: 'bool' },
      { key: 'basis', label: '依据', type: 'text', required: true, max: 200, wide: true },
      { key: 'note', label: '备注', type: 'text', required: false, max: 200 },
    ],
    defaults: [
      {
        code: 'major_problem',
        item: '发生重大问题',
        points: 10,
        per: '每起',
        veto: false,
        noAward: true,
        basis: '本地考核办法示例：发生重大问题的扣10分，当年不得评先评优',
        note: '由考评办登记一票否决及重大问题时采用',
      },
      {
        code: 'accountability_leader',
        item: '领导班子成员被问责',
        points: 1,
        per: '每人次',
        veto: false,
        noAward: false,
        basis: '本地考核办法示例：领导班子成员被问责的，每人次扣1分',
        note: '问责模块启用后由问责决定自动扣分',
      },
      {
        code: 'accountability_staff',
        item: '一般工作人员被问责',
        points: 0.5,
        per: '每人次',
        veto: false,
        noAward: false,
        basis: '本地考核办法示例：一般工作人员被问责的，每人次扣0.5分',
        note: '问责模块启用后由问责决定自动扣分',
      },
      {
        code: 'notice_overdue',
        item: '问询、督办通知逾期未回复',
        points: 0.5,
        per: '每件',
        veto: false,
        noAward: false,
        basis: '问询、督办通知应在规定时限内书面回复；逾期未回复的每件扣0.5分',
        note: '',
      },
      {
        code: 'notice_late',
        item: '问询、督办通知逾期回复',
        points: 0.2,
        per: '每件',
        veto: false,
        noAward: false,
        basis: '回复晚于规定时限（含批准延期）的每件扣0.2分',
        note: '',
      },
      {
        code: 'rectification_overdue',
        item: '整改事项逾期未完成',
        points: 1,
        per: '每项',
        veto: false,
        noAward: false,
        basis: '限期整改事项逾期未完成整改的，每项扣1分',
        note: '',
      },
      {
        code: 'rectification_late',
        item: '整改事项超期完成',
        points: 0.5,
        per: '每项',
        veto: false,
        noAward: false,
        basis: '整改完成日期晚于整改时限的，每项扣0.5分',
        note: '',
      },
    ],
    required: ['notice_overdue', 'notice_late', 'rectification_overdue', 'rectification_late'],
  },
  /** 投诉 (#18): what one substantiated complaint of each category takes off the unit's score. */
  complaint_deductions: {
    columns: [
      { key: 'code', label: '代码', type: 'code' },
      { key: 'item', label: '投诉类别', type: 'text', required: true, max: 30 },
      { key: 'points', label: '每件扣分', type: 'points' },
      { key: 'basis', label: '依据', type: 'text', required: true, max: 200, wide: true },
      { key: 'note', label: '备注', type: 'text', required: false, max: 200 },
    ],
    defaults: complaintCategory.values.map((code) => ({
      code,
      item: complaintCategory.label(code),
      points: code === 'extortion' || code === 'misconduct' ? 1 : 0.5,
      basis: '本地考核办法示例：群众投诉经查实的，每件按类别扣分',
      note: '',
    })),
    required: complaintCategory.values,
  },
  accountability_forms: accountabilityForms,
  appeal_windows: appealWindows,
  staff_grade_limits: staffGradeLimits,
  staff_excellent_quota: staffExcellentQuota,
};
