import { vocabulary } from './define';

/**
 * The steps a new office takes from the first start to its first responsibility letter, in order. The
 * administrator's two come first (三员分立: he sets up the unit and the evaluator's account, never the work); the
 * evaluator's follow.
 */
export const firstRunStep = vocabulary(
  {
    unit: '设置本单位名称与级别',
    evaluatorAccount: '创建考评员账号',
    letterhead: '填写发文机关与发文代字',
    org: '导入组织机构（单位与人员）',
    plan: '新建年度考核方案',
    indicators: '导入指标并分解目标任务',
    publish: '发布考核方案',
    letter: '生成并打印第一份目标责任书',
  },
  ['unit', 'evaluatorAccount', 'letterhead', 'org', 'plan', 'indicators', 'publish', 'letter'],
);
