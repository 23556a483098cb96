import ExcelJS from 'exceljs';
import { insertMeasure } from '../../../db/repos/staff';
import { countsOf, previewOf, refuseIfErrors } from '../excel/unit-import';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { measureColumns, planMeasureImport } from '../people/measures-import';

type MeasuresFile = { fileName: string; uploadId?: string; base64?: string };
const plan = (ctx: HandlerContext, input: MeasuresFile) =>
  planMeasureImport(ctx.sqlite, input.fileName, fileBytes(ctx, input, 'excel'));

/** The register of measures from a workbook: a dry run first, then every row or none. */
export const measuresImportHandlers: Handlers<'measures.importPreview' | 'measures.import' | 'measures.template'> = {
  'measures.importPreview': async (ctx, input) => previewOf(await plan(ctx, input)),
  'measures.import': prepared(
    (ctx, input) => plan(ctx, input),
    (ctx, input, p) => {
      refuseIfErrors(p.rows);
      for (const m of p.items) insertMeasure(ctx.records, m, ctx.caller.username);
      ctx.audit('staffMeasures', { imported: p.items.length, file: input.fileName });
      return { rows: p.rows, counts: countsOf(p.rows), notices: p.notices, committed: true };
    },
  ),
  'measures.template': async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('处分与组织处理');
    ws.addRow(measureColumns.map((c) => (c.required ? `${c.names[0]}*` : c.names[0])));
    ws.addRow(['', '张三', '示例县发展和改革局', '党纪处分', '党内警告', '县纪委监委', '2026-03-02', '', '', '']);
    ws.columns.forEach((c) => (c.width = 16));
    return {
      fileName: '处分与组织处理导入模板.xlsx',
      base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    };
  },
};
