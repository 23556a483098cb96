import type { ArchiveExtractInput, ExcellentPublicityInput, StaffFormInput } from '../../electron/core';
import { AWKWARD } from './awkward';

/** The people module's documents for the engine corpus: a 档案摘要 and a 登记表 without a grade. */

export function archiveExtract(): ArchiveExtractInput {
  const link = (label: string) => ({ kind: 'k', uuid: 'u', label });
  return {
    issuer: '示例县人民政府目标考评办公室',
    date: '2026-12-20',
    person: {
      name: `刘𠇔`,
      unitName: '示例县发展和改革局',
      post: '科长',
      rank: '一级主任科员',
      idNumber: '110101********123X',
    },
    lines: [
      {
        section: 'post',
        date: '2018-03-01',
        title: '示例县发展和改革局 科长',
        detail: '2018-03-01 至 今',
        restricted: false,
        source: link('任职记录'),
      },
      {
        section: 'grade',
        date: '2025-12-31',
        title: '2025年度考核：优秀',
        detail: AWKWARD,
        restricted: false,
        source: link('2025年度公务员考核'),
      },
      {
        section: 'honour',
        date: '2025-12-31',
        title: '2025年度嘉奖',
        detail: '年度考核确定为优秀等次，给予嘉奖',
        restricted: false,
        source: link('2025年度公务员考核'),
      },
      {
        section: 'accountability',
        date: '2026-03-02',
        title: '问责：诫勉',
        detail: '县纪委监委决定',
        restricted: true,
        source: link('问责登记 诫勉（县纪诫〔2026〕3号）'),
      },
      {
        section: 'training',
        date: '2026-05-10',
        title: '廉洁自律专题培训',
        detail: '廉洁自律，2026-05-10 至 2026-05-12，24 学时',
        restricted: false,
        source: link('培训记录'),
      },
    ],
    hidden: 1,
  };
}

export function sampleStaffForm(): StaffFormInput {
  return {
    year: 2026,
    office: '示例县人民政府目标考评办公室',
    date: '2026-12-20',
    name: '刘𠇔',
    sex: '男',
    birthMonth: '1985年6月',
    unitName: '示例县发展和改革局',
    post: '科员',
    inPostSince: '2018-03-01',
    duties: `负责项目审批${AWKWARD}`,
    comment: '工作认真负责',
    proposedGrade: 'competent',
    finalGrade: 'none',
    noGradeNote: '记过（县监委，2026-04-01）：当年不定等次',
  };
}

export function sampleExcellentPublicity(): ExcellentPublicityInput {
  return {
    issuer: '示例县人民政府目标考评办公室',
    number: '考评公〔2026〕3号',
    year: 2026,
    unitName: '示例县发展和改革局',
    people: [
      { name: '刘𠇔', unit: '示例县发展和改革局', post: '科长' },
      { name: '王五', unit: '示例县发展和改革局', post: `副局长${AWKWARD}` },
      { name: '赵六', unit: '示例县发展和改革局', post: null },
    ],
    period: { startDate: '2026-12-15', endDate: '2026-12-21', workingDays: 5 },
    phone: '0000-1234567',
    address: '',
    date: '2026-12-14',
  };
}
