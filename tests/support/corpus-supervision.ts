import { buildAuditNotice, buildTransferLetter, type OfficialDocument } from '../../electron/core';
import { AWKWARD } from './awkward';

/** The supervision registers' documents (#18), for the engine's equivalence and render tests. */
export function supervisionCorpus(): [string, OfficialDocument][] {
  return [
    [
      'audit notice',
      buildAuditNotice({
        issuer: '示例县人民政府目标考评办公室',
        number: '考评审〔2026〕1号',
        year: 2026,
        date: '2026-12-20',
        lines: Array.from({ length: 14 }, (_, i) => ({
          unit: i === 3 ? AWKWARD : `示例县第${i + 1}责任单位`,
          kind: ['预算执行', '经济责任', '专项资金'][i % 3]!,
          period: '2025年度',
          findings: `部分项目资金未按预算执行，结转结余资金${i + 1}万元未及时清理；政府采购程序不规范。`,
          amount: `${(i + 1) * 1234}.50`,
          result: i % 2 ? '总体较好' : '基本规范，存在一定问题',
          rectified: `整改事项${i % 4}项，已核验${i % 3}项`,
        })),
      }),
    ],
    [
      'transfer',
      buildTransferLetter({
        issuer: '示例县人民政府目标考评办公室',
        number: '考评移〔2026〕1号',
        to: '示例县监察委员会',
        fromBody: '县审计局',
        unit: '示例县教育局',
        person: '刘𠇔',
        subject: `违规发放学生资助资金（${AWKWARD}）`,
        facts: '2025年度学生资助资金审计发现，该局向不符合条件的学生发放资助资金12.6万元。\n相关审批手续不全。',
        materials: '1. 审计报告\n2. 审计工作底稿（复印件）',
        feedbackDue: '2026-12-31',
        copyPersonnel: true,
        date: '2026-09-29',
      }),
    ],
  ];
}
