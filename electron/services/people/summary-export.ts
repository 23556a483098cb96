import ExcelJS from 'exceljs';
import { staffGrade } from '../../vocab';
import type { RoundView } from './round';

/**
 * 考核结果汇总表 as personnel departments file it: the unit and year on top, one row a person (序号, 姓名, 职务,
 * 拟定等次, 确定等次, 备注 with the reason of 不参加 or 不定等次), then the count of each grade and the 优秀 share.
 */
export async function summaryWorkbook(r: RoundView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核结果汇总表');
  const text = (row: ExcelJS.Row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string') c.numFmt = '@';
    });
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = `${r.unitName}${r.year}年度公务员考核结果汇总表`;
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow([`参加考核 ${r.assessed} 人；优秀比例 ${r.share}%，优秀名额 ${r.quota} 名`]);
  const head = ws.addRow(['序号', '姓名', '职务', '拟定等次', '确定等次', '备注']);
  head.font = { bold: true };
  r.people.forEach((p, i) => {
    const note = !p.inScope
      ? `不参加等次评定：${p.outReason ?? ''}`
      : p.finalGrade === 'none'
        ? (p.noGradeNote ?? '')
        : '';
    text(
      ws.addRow([
        i + 1,
        p.name,
        p.post ?? '',
        p.proposedGrade ? staffGrade.label(p.proposedGrade) : '',
        p.finalGrade ? staffGrade.label(p.finalGrade) : p.inScope ? '' : '不参加',
        note,
      ]),
    );
  });
  ws.addRow([]);
  const counts = staffGrade.values.map(
    (g) => `${staffGrade.label(g)} ${r.people.filter((p) => p.inScope && p.finalGrade === g).length} 人`,
  );
  ws.addRow([`合计：${counts.join('，')}；不参加等次评定 ${r.people.filter((p) => !p.inScope).length} 人`]);
  ws.columns.forEach((c, i) => (c.width = [6, 12, 18, 12, 12, 50][i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
