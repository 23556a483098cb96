import { type LetterInput, type LetterItem, defaultLetterClauses, defaultParams } from '../../electron/core';

/** A letter input with `n` specific targets (points split evenly) under three common items. */
export function sampleLetter(n = 8, o: { unit?: string; longTarget?: string } = {}): LetterInput {
  const common: LetterItem[] = ['依法行政', '工作效能', '机关形象'].map((name, i) => ({
    group: '共性指标',
    kind: 'common',
    indicator: name,
    points: 10,
    method:
      defaultParams.per_occurrence.method === 'per_occurrence'
        ? { method: 'per_occurrence', each: 1, cap: 10 }
        : defaultParams.linear,
    standard: i === 0 ? '' : '按时完成得满分，每延误一项扣1分，扣完为止',
    scoringBody: '县考评办',
    targets: [
      {
        content: `${name}各项要求落实到位`,
        targetValue: null,
        measureUnit: null,
        points: 10,
        leader: null,
        isKey: false,
        isMajor: false,
      },
    ],
  }));
  const each = 70 / n;
  const specific: LetterItem = {
    group: '个性指标',
    kind: 'specific',
    indicator: '业务工作目标',
    points: 70,
    method: { method: 'linear', full: 100, floor: 60 },
    standard: '',
    scoringBody: '县发改局',
    targets: Array.from({ length: n }, (_, i) => ({
      content:
        i === 0 && o.longTarget
          ? o.longTarget
          : `第${i + 1}项目标任务：完成年度固定资产投资项目入库、审批和开工建设，推动项目按季度节点落实`,
      targetValue: String(100 + i),
      measureUnit: '个',
      points: Math.round((i === n - 1 ? 70 - each * (n - 1) : each) * 100) / 100,
      leader: i % 3 === 0 ? '李副局长' : null,
      isKey: i % 5 === 0,
      isMajor: i % 7 === 0,
    })),
  };
  const bonus: LetterItem = {
    group: '加分项目',
    kind: 'bonus',
    indicator: '争先创优',
    points: 5,
    method: { method: 'per_occurrence', each: 1, cap: 5 },
    standard: '',
    scoringBody: '县考评办',
    targets: [],
  };
  const veto: LetterItem = {
    group: '一票否决',
    kind: 'veto',
    indicator: '安全生产',
    points: 0,
    method: { method: 'veto' },
    standard: '',
    scoringBody: '县应急局',
    targets: [],
  };
  return {
    issuer: '示例县人民政府目标考评办公室',
    number: '考评责〔2026〕1号',
    year: 2026,
    planTitle: '示例县2026年度目标管理考核方案',
    basis: '',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    total: 100,
    partyA: '示例县人民政府',
    unit: o.unit ?? '示例县发展和改革局',
    head: { name: '王局长', post: '局长' },
    items: [...common, specific, bonus, veto],
    clauses: defaultLetterClauses,
    date: '2026-02-20',
    copyTo: null,
  };
}
