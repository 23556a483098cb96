import { afterEach, describe, expect, it } from 'vitest';
import { recentAudit } from '../../../db/repos/audit';
import type { TestApp } from '../../support/app';
import { type ImportOutcome, supervisionWorld, workbookFile } from '../../support/supervision-world';

let apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

type Row = {
  fromBody: string;
  toBody: string;
  transferredOn: string;
  unitName: string;
  personName: string | null;
  subject: string;
  facts: string;
  materials: string;
  feedbackDue: string;
  feedbackOn: string | null;
  feedback: string | null;
  copyPersonnel: boolean;
  state: string;
};
const shown = (r: Row) => ({
  fromBody: r.fromBody,
  toBody: r.toBody,
  transferredOn: r.transferredOn,
  unitName: r.unitName,
  personName: r.personName,
  subject: r.subject,
  facts: r.facts,
  materials: r.materials,
  feedbackDue: r.feedbackDue,
  feedbackOn: r.feedbackOn,
  feedback: r.feedback,
  copyPersonnel: r.copyPersonnel,
  state: r.state,
});

const HEAD = [
  '移送机关',
  '受移送机关',
  '移送日期',
  '所涉单位',
  '所涉人员',
  '事由',
  '主要事实',
  '移送材料',
  '反馈期限',
  '反馈日期',
  '反馈情况',
  '抄送组织人事部门',
];
const row = (o: Partial<Record<(typeof HEAD)[number], string>>) => {
  const base: Record<string, string> = {
    移送机关: '审计部门',
    受移送机关: '示例县监察委员会',
    移送日期: '2026-06-30',
    所涉单位: 'SX-CZJ',
    事由: '专项资金违规使用',
    主要事实: '审计发现挪用专项资金 12 万元',
    移送材料: '审计报告',
  };
  return HEAD.map((h) => o[h] ?? base[h] ?? '');
};

describe('移送 import', () => {
  it('refuses a feedback date before the transfer by row and column; the fixed file imports as the form', async () => {
    const w = await supervisionWorld();
    apps.push(w.t);
    const bad = await workbookFile('移送.xlsx', {
      移送处理: [
        HEAD,
        row({}),
        row({ 事由: '违规发放津贴', 所涉人员: '陈刚', 反馈日期: '2026-06-01', 反馈情况: '已立案' }),
        row({ 移送机关: '纪委', 移送日期: '2026-07-01', 反馈期限: '2026-06-15', 所涉单位: '不存在的局' }),
        row({ 事由: '专项资金违规使用 ' }),
      ],
    });
    const p = await w.call<ImportOutcome>('transfers.importPreview', bad);
    expect(p.counts).toEqual({ create: 1, update: 0, same: 1, error: 2 });
    expect(p.rows[1]!.messages).toEqual([{ column: '反馈日期', message: '不能早于移送日期（2026-06-30）' }]);
    expect(p.rows[2]!.messages.map((m) => m.column)).toEqual(['移送机关', '所涉单位']);
    expect(p.rows[2]!.messages[0]!.message).toContain('无法识别“纪委”');
    expect(p.rows[3]!.warnings![0]!.message).toBe('与第 2 行是同一件移送，只导入一次');
    await expect(w.call('transfers.import', bad)).rejects.toThrow(
      '文件有 2 行错误，未导入任何内容。第 3 行：“反馈日期”不能早于移送日期（2026-06-30）',
    );
    expect(await w.call('transfers.list', {})).toEqual([]);

    const good = await workbookFile('移送.xlsx', {
      移送处理: [
        HEAD,
        row({}),
        row({ 移送机关: '财政', 事由: '违规发放津贴', 所涉人员: '陈刚', 反馈日期: '2026-08-01', 反馈情况: '已立案' }),
        row({ 移送日期: '2026-06-25', 事由: '虚报冒领', 抄送组织人事部门: '否', 反馈期限: '2026-08-31' }),
      ],
    });
    const preview = await w.call<ImportOutcome>('transfers.importPreview', good);
    const done = await w.call<ImportOutcome>('transfers.import', good);
    expect(done.rows).toEqual(preview.rows);
    expect(done.counts).toEqual({ create: 3, update: 0, same: 0, error: 0 });
    const list = await w.call<Row[]>('transfers.list', {});
    // the due date left out is the setting's (3 months), as the form's; the feedback recorded as 登记反馈 does
    const bySubject = (rows: Row[]) => rows.map(shown).sort((x, y) => x.subject.localeCompare(y.subject, 'zh'));
    expect(bySubject(list)).toEqual([
      expect.objectContaining({
        subject: '违规发放津贴',
        fromBody: 'finance',
        personName: '陈刚',
        feedbackDue: '2026-09-30',
        feedbackOn: '2026-08-01',
        state: 'answered',
      }),
      expect.objectContaining({ subject: '虚报冒领', feedbackDue: '2026-08-31', copyPersonnel: false }),
      expect.objectContaining({
        subject: '专项资金违规使用',
        feedbackDue: '2026-09-30',
        state: 'sent',
        copyPersonnel: true,
      }),
    ]);
    const trail = recentAudit(w.app.opened.sqlite, 20).filter((e) => e.action === 'transfers.import');
    expect(trail.map((e) => e.target)).toEqual(
      expect.arrayContaining(['transfers', expect.stringMatching(/^transfer:\d+$/)]),
    );

    // export → import into a fresh database gives the same transfers
    const exported = await w.call<{ base64: string; fileName: string }>('transfers.export', {});
    const again = await w.call<ImportOutcome>('transfers.importPreview', exported);
    expect(again.counts).toEqual({ create: 0, update: 0, same: 3, error: 0 });
    const b = await supervisionWorld();
    apps.push(b.t);
    await b.call('transfers.import', exported);
    expect(bySubject(await b.call<Row[]>('transfers.list', {}))).toEqual(bySubject(list));
  });

  it('gives templates that read back; a file without the columns is refused as a whole', async () => {
    const w = await supervisionWorld();
    apps.push(w.t);
    for (const [register, name, rows] of [
      ['transfers', '移送处理导入模板.xlsx', 1],
      ['audits', '审计发现导入模板.xlsx', 2],
      ['meetings', '联席会议导入模板.xlsx', 2],
    ] as const) {
      const template = await w.call<{ fileName: string; base64: string }>(`${register}.template`, {});
      expect(template.fileName).toBe(name);
      // the example rows name a unit 示例单位 the county does not have: that, and only that, is in error
      const p = await w.call<ImportOutcome>(`${register}.importPreview`, template);
      expect(p.rows).toHaveLength(rows);
      const errors = p.rows.filter((r) => r.status === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const r of errors) expect(r.messages.map((m) => m.message).join(), r.sheet).toContain('示例单位');
      expect(p.rows.filter((r) => r.status !== 'error' && r.status !== 'create')).toEqual([]);
    }
    // an ID number in any column (here one pasted into 受移送机关) refuses the row, as the complaints' import does
    const withId = await workbookFile('移送.xlsx', {
      移送处理: [HEAD, row({ 受移送机关: '示例县监察委员会 11010519491231002X', 主要事实: '涉及 11010519491231002X' })],
    });
    expect((await w.call<ImportOutcome>('transfers.importPreview', withId)).rows[0]!.messages).toEqual([
      { column: '主要事实', message: '含有未遮盖的身份证号，请删除或遮盖后再导入' },
      { column: '受移送机关', message: '含有未遮盖的身份证号，请删除或遮盖后再导入' },
    ]);
    const noColumns = await workbookFile('移送.xlsx', {
      移送处理: [
        ['移送机关', '事由'],
        ['审计部门', '挪用'],
      ],
    });
    const p = await w.call<ImportOutcome>('transfers.importPreview', noColumns);
    expect(p.rows[0]!.messages[0]!.message).toBe(
      '表头缺少必需的列：“受移送机关”、“移送日期”、“所涉单位”、“主要事实”、“移送材料”。请使用导入模板。',
    );
    await expect(w.call('transfers.import', noColumns)).rejects.toThrow('未导入任何内容：表头缺少必需的列');
  });
});
