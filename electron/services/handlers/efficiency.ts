import { AppError } from '../../contract';
import { costMethodProblem, describeCostMethod } from '../../core';
import {
  type AdminCostRecord,
  type ApprovalRecord,
  approvalById,
  approvalsOfUnits,
  costById,
  costsOfYear,
  insertApprovalRow,
  insertCostRow,
  updateApprovalRow,
  updateCostRow,
} from '../../../db/repos/efficiency';
import { writeSetting } from '../../../db/repos/settings';
import { registerDocument } from '../documents/issue';
import { prepareEfficiencyReport, publication } from '../efficiency/publish';
import { COST_METHOD_KEY, costsOf } from '../efficiency/view';
import { approvalsTemplate, planApprovalImport } from '../excel/approval-import';
import { costsTemplate, planCostImport } from '../excel/cost-import';
import { efficiencyWorkbook } from '../excel/efficiency-export';
import { errorFileName, errorWorkbook } from '../excel/error-workbook';
import { countsOf, previewOf, refuseIfErrors } from '../excel/unit-import';
import { readWorkbook } from '../excel/workbook';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { todayOf } from '../org/write';
import { fileBytes } from '../uploads';

const file = (name: string, buffer: Buffer) => ({ fileName: name, base64: buffer.toString('base64') });
const changedMeanwhile = (what: string) =>
  new AppError('CONFLICT', `预览之后${what}已被修改或删除，未导入任何内容，请重新预览。`);

/** What the preview saw must still be so when the import commits. */
function stillAsSeen(now: { updatedAt: number } | undefined, seen: { updatedAt: number } | undefined): boolean {
  return seen ? !!now && now.updatedAt === seen.updatedAt : !now;
}

const approvalPlan = (ctx: HandlerContext, input: { fileName: string; uploadId?: string; base64?: string }) =>
  planApprovalImport(ctx.sqlite, input.fileName, fileBytes(ctx, input, 'excel'), todayOf(ctx.now));
const costPlan = (ctx: HandlerContext, input: { fileName: string; uploadId?: string; base64?: string }) =>
  planCostImport(ctx.sqlite, input.fileName, fileBytes(ctx, input, 'excel'), Number(todayOf(ctx.now).slice(0, 4)));

export const efficiencyHandlers: Handlers<
  | 'efficiency.list'
  | 'efficiency.template'
  | 'efficiency.importPreview'
  | 'efficiency.importErrors'
  | 'efficiency.import'
  | 'efficiency.publish'
  | 'efficiency.export'
  | 'cost.list'
  | 'cost.template'
  | 'cost.importPreview'
  | 'cost.importErrors'
  | 'cost.import'
  | 'cost.setMethod'
> = {
  'efficiency.list': (ctx, input) => publication(ctx, input).e,
  'efficiency.template': async () => file('审批办件导入模板.xlsx', await approvalsTemplate()),
  'efficiency.importPreview': async (ctx, input) => previewOf(await approvalPlan(ctx, input)),
  'efficiency.importErrors': async (ctx, input) => {
    const p = await approvalPlan(ctx, input);
    const bytes = fileBytes(ctx, input, 'excel');
    const out = await errorWorkbook(await readWorkbook(input.fileName, bytes), p.sheet, p.rows);
    return file(errorFileName(input.fileName), out.buffer);
  },
  'efficiency.import': prepared(
    async (ctx, input) => approvalPlan(ctx, input),
    (ctx, input, plan) => {
      refuseIfErrors(plan.rows);
      const nowByKey = approvalsOfUnits(ctx.sqlite, [...new Set(plan.items.map((i) => i.unitId))]);
      for (const { existing, ...row } of plan.items) {
        const now: ApprovalRecord | undefined = existing
          ? approvalById(ctx.sqlite, existing.id)
          : nowByKey.get(`${row.unitId}\u0000${row.caseNo}`);
        if (!stillAsSeen(now, existing)) throw changedMeanwhile(`办件“${row.caseNo}”`);
        if (existing) updateApprovalRow(ctx.records, existing.id, row);
        else insertApprovalRow(ctx.records, row);
      }
      const counts = countsOf(plan.rows);
      ctx.audit('approval_records', { import: input.fileName, ...counts });
      return { rows: plan.rows, counts, notices: plan.notices, committed: true };
    },
  ),
  /** 公布各部门审批绩效评分: rendered outside the transaction, numbered and registered inside it. */
  'efficiency.publish': prepared(
    async (ctx, input) => prepareEfficiencyReport(ctx, input),
    (ctx, input, p) => {
      const { e } = publication(ctx, input);
      if (e.units.reduce((a, u) => a + u.cases, 0) !== p.cases)
        throw new AppError('CONFLICT', '生成期间审批办件有变化，请重试。', { retry: true });
      const subject = `efficiency:${input.year}${input.quarter ? `Q${input.quarter}` : ''}`;
      const documentId = registerDocument(ctx, p.doc, { subject, madeBy: ctx.caller.username });
      ctx.audit(`document:${p.doc.number}`, { kind: 'efficiency', period: e.period.label, sha256: p.doc.sha256 });
      return { documentId, number: p.doc.number, title: p.doc.title };
    },
  ),
  'efficiency.export': prepared(
    async (ctx, input) => {
      const { e, costs, points } = publication(ctx, input);
      return { label: e.period.label, buffer: await efficiencyWorkbook(e, costs, points) };
    },
    (ctx, input, out) => {
      ctx.audit(`efficiency:${input.year}${input.quarter ? `Q${input.quarter}` : ''}`, { exported: out.label });
      return file(`${out.label}各部门审批绩效评分.xlsx`, out.buffer);
    },
  ),

  'cost.list': (ctx, input) => costsOf(ctx.sqlite, input.year),
  'cost.template': async (_ctx, input) =>
    file(`${input.year}年度行政成本导入模板.xlsx`, await costsTemplate(input.year)),
  'cost.importPreview': async (ctx, input) => previewOf(await costPlan(ctx, input)),
  'cost.importErrors': async (ctx, input) => {
    const p = await costPlan(ctx, input);
    const bytes = fileBytes(ctx, input, 'excel');
    const out = await errorWorkbook(await readWorkbook(input.fileName, bytes), p.sheet, p.rows);
    return file(errorFileName(input.fileName), out.buffer);
  },
  'cost.import': prepared(
    async (ctx, input) => costPlan(ctx, input),
    (ctx, input, plan) => {
      refuseIfErrors(plan.rows);
      const years = new Map<number, Map<number, AdminCostRecord>>();
      for (const { existing, ...row } of plan.items) {
        if (!years.has(row.year))
          years.set(row.year, new Map(costsOfYear(ctx.sqlite, row.year).map((c) => [c.unitId, c])));
        const now = existing ? costById(ctx.sqlite, existing.id) : years.get(row.year)!.get(row.unitId);
        if (!stillAsSeen(now, existing)) throw changedMeanwhile(`${row.year}年度的行政成本`);
        if (existing) updateCostRow(ctx.records, existing.id, row);
        else insertCostRow(ctx.records, row);
      }
      const counts = countsOf(plan.rows);
      ctx.audit('admin_costs', { import: input.fileName, ...counts });
      return { rows: plan.rows, counts, notices: plan.notices, committed: true };
    },
  ),
  'cost.setMethod': (ctx, input) => {
    const problem = costMethodProblem(input.method);
    if (problem) throw new AppError('INVALID_INPUT', `行政成本计分办法不能保存：${problem}。`);
    writeSetting(ctx.db, COST_METHOD_KEY, input.method, ctx.caller.username, ctx.now);
    const methodText = describeCostMethod(input.method);
    ctx.audit('settings', { costMethod: methodText });
    return { method: input.method, methodText };
  },
};
