import type { Block, OfficialDocument } from '../../electron/core';

/** A 通知 with every element of GB/T 9704: headings of three levels, a long table, an attachment, 附注 and 版记. */
export function sampleNotice(paragraphs = 12): OfficialDocument {
  const body: Block[] = [
    {
      kind: 'p',
      text: '为深入推进目标管理，健全行政责任体系，根据《示例县目标管理考核办法》，现将2026年度目标考核责任书印发给你们，请认真贯彻落实。',
    },
    { kind: 'h1', text: '一、总体要求' },
    {
      kind: 'p',
      text: '各单位要坚持行政权力运用到哪里、监督就到哪里，把年度目标任务分解到岗、落实到人，按季度报送进展情况。',
    },
    { kind: 'h2', text: '（一）明确责任分工' },
    { kind: 'p', text: '单位主要负责人为第一责任人，分管负责人为直接责任人。' },
    { kind: 'h3', text: '1. 按时报送季度进展' },
  ];
  for (let i = 0; i < paragraphs; i++) {
    body.push({
      kind: 'p',
      text: `第${i + 1}项：各单位要每季度报告重点工作、重大项目进展情况及政府重大决策、重大改革措施贯彻落实情况，考评办每半年开展一次监督检查。`,
    });
  }
  body.push({
    kind: 'table',
    header: ['类别', '指标', '分值', '考核标准', '考核责任单位'],
    rows: Array.from({ length: 30 }, (_, i) => [
      '共性指标',
      `作风建设第${i + 1}项`,
      '5',
      '按期完成得满分，每延误一项扣1分，扣完为止',
      '县考评办',
    ]),
  });
  return {
    issuers: ['示例县人民政府目标考评办公室'],
    withWenjian: true,
    number: '示考评〔2026〕7号',
    title: '关于印发2026年度目标管理\n考核责任书的通知',
    recipients: '各乡镇人民政府，县直各部门',
    body,
    attachmentNames: ['2026年度目标管理考核责任书'],
    signature: { org: '示例县人民政府目标考评办公室', date: '2026-03-05' },
    note: '联系人：王某，电话：0000-1234567',
    attachments: [
      {
        title: '2026年度目标管理考核责任书',
        body: [{ kind: 'p', text: '甲方：示例县人民政府。乙方：示例县发展和改革局。' }],
      },
    ],
    colophon: {
      copyTo: '县委办公室，县人大常委会办公室',
      printer: '示例县人民政府目标考评办公室',
      printDate: '2026-03-05',
    },
  };
}
