import {
  buildAuditNotice,
  buildChannelNotice,
  buildMeetingMinutes,
  buildTransferLetter,
  type OfficialDocument,
} from '../../electron/core';
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
          amount: `${(i + 1) * 12}.35`,
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
    ['meeting minutes', sampleMinutes()],
    ['complaint channels notice', sampleChannelNotice()],
  ];
}

/** 公开投诉渠道: 16 departments, phone, letter, website and 12345 — the table runs over pages. */
export const sampleChannelNotice = () =>
  buildChannelNotice({
    issuer: '示例县人民政府目标考评办公室',
    number: '考评投〔2026〕1号',
    date: '2026-09-29',
    lines: Array.from({ length: 16 }, (_, u) => [
      {
        unit: u === 5 ? `示例县${AWKWARD}局` : `示例县第${u + 1}部门`,
        kind: '电话',
        contact: `0000-8${String(u + 1).padStart(6, '0')}`,
        hours: '工作日 8:30—12:00、14:30—17:30',
      },
      ...(u % 3 === 0
        ? [
            {
              unit: `示例县第${u + 1}部门`,
              kind: '信函',
              contact: `示例县人民路${u + 1}号县政务服务中心${u + 1}楼投诉受理室（邮编000000）`,
              hours: '随时',
            },
          ]
        : []),
      ...(u % 4 === 0
        ? [
            {
              unit: `示例县第${u + 1}部门`,
              kind: '网站',
              contact: `http://www.example.gov.cn/bm${u + 1}/ts`,
              hours: '全天',
            },
          ]
        : []),
    ]).flat(),
  });

/** A joint meeting's 会议纪要: three bodies present, one on leave, one observing; four action items. */
export const sampleMinutes = (number: string | null = '考评纪〔2026〕1号') =>
  buildMeetingMinutes({
    issuer: '示例县人民政府目标考评办公室',
    number,
    title: '2026年第三季度监督工作联席会议',
    heldOn: '2026-09-15',
    place: '县行政中心三楼会议室',
    attendees: [
      { body: '县纪委监委', names: '张建国、李红', as: 'present' },
      { body: '县审计局', names: '王五', as: 'present' },
      { body: '县财政局', names: '赵六、孙七、周八', as: 'present' },
      { body: '县司法局', names: '吴九', as: 'leave' },
      { body: '县委组织部', names: `郑十（${AWKWARD}）`, as: 'observer' },
    ],
    topics: '1. 通报第三季度投诉办理和审计整改情况。\n2. 研究移送线索的反馈督办办法。',
    exchanged:
      '县审计局通报了专项资金审计发现的问题，涉及8个单位，问题金额合计326.4万元；县财政局通报了预算执行中' +
      '结转结余资金清理情况；县纪委监委通报了第三季度问题线索处置情况。',
    resolutions:
      '一是各成员单位对审计发现的问题建立台账，逐项销号；二是移送线索的反馈期限届满前10个工作日由考评办提醒；' +
      '三是下次联席会议于第四季度末召开。',
    items: [
      { unit: '县财政局', item: '完成结转结余资金清理，形成专题报告报考评办', deadline: '2026-10-31' },
      { unit: '县审计局', item: '建立审计整改台账并按月更新', deadline: '2026-10-15' },
      { unit: '示例县教育局', item: '完成学生资助资金问题整改，追回违规发放资金', deadline: '2026-11-30' },
      { unit: '县纪委监委', item: '对移送的3件问题线索提出处置意见', deadline: '2026-12-15' },
    ],
    date: '2026-09-18',
  });
