import ExcelJS from 'exceljs';
import { archiveSections, type ArchiveExtractInput } from '../../core/archive-extract';

/** The archive as a workbook: one sheet, the person on top, then each line with its section and source. */
export async function archiveWorkbook(a: ArchiveExtractInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('档案摘要', { views: [{ state: 'frozen', ySplit: 3 }] });
  const p = a.person;
  const text = (row: ExcelJS.Row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string') c.numFmt = '@';
    });
  text(ws.addRow([`${p.name}同志档案摘要（内部资料）`, `${p.unitName} ${p.post ?? ''}`.trim(), p.idNumber ?? '']));
  ws.addRow([]);
  const head = ws.addRow(['类别', '日期', '事项', '情况', '来源']);
  head.font = { bold: true };
  const title = new Map(archiveSections.map((s) => [s.key, s.title]));
  for (const l of a.lines)
    text(ws.addRow([title.get(l.section) ?? l.section, l.date, l.title, l.detail, l.source.label]));
  if (a.hidden > 0) ws.addRow([`另有 ${a.hidden} 条问责案件内容，按权限未导出。`]);
  ws.columns.forEach((c, i) => (c.width = [16, 12, 30, 50, 30][i] ?? 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
