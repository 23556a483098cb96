import fs from 'node:fs';
import { AppError } from '../../contract';
import { buildStaffForm, staffFormTitle } from '../../core/staff-form';
import { unitById } from '../../../db/repos/org';
import { renderOfficialDocument } from '../documents/gbt9704';
import { fileStamp } from '../file-stamp';
import { type Handlers, prepared } from '../handler';
import { formDoc, formsOf, volumePath, writeVolume } from '../people/forms';
import { roundState } from '../people/round';
import { readStaffSettings } from '../people/settings';
import { summaryWorkbook } from '../people/summary-export';

const volumeName = (unitName: string, year: number) => `${unitName}${staffFormTitle(year)}（合订本）.docx`;

/**
 * 登记表: one person's at once; a unit's as a job — each person's form laid out in turn (the bar moves, cancel stops
 * between two forms and keeps nothing), then bound into one volume, each form's text starting on an odd page.
 */
export const staffFormsHandlers: Handlers<
  'staff.form' | 'staff.formsBatch' | 'staff.formsVolume' | 'staff.summaryExport'
> = {
  'staff.summaryExport': prepared(
    async (ctx, input) => {
      const { view } = roundState(ctx.sqlite, input.year, input.unitId, readStaffSettings(ctx.db));
      return { view, buffer: await summaryWorkbook(view) };
    },
    (ctx, input, out) => {
      ctx.audit(`staffSummary:${input.year}:${out.view.unitName}`, { exported: out.view.people.length });
      return {
        fileName: `${out.view.unitName}${input.year}年度公务员考核结果汇总表-${fileStamp(ctx.now)}.xlsx`,
        base64: out.buffer.toString('base64'),
      };
    },
  ),
  'staff.form': prepared(
    async (ctx, input) => {
      const [f] = formsOf(ctx, input.year, input.unitId, input.personId);
      return { name: f!.name, buffer: await renderOfficialDocument(formDoc(f!, ctx.env.demo)) };
    },
    (ctx, input, out) => {
      ctx.audit(`staffForm:${input.year}:${out.name}`, { exported: true });
      return {
        fileName: `${staffFormTitle(input.year)}（${out.name}）-${fileStamp(ctx.now)}.docx`,
        base64: out.buffer.toString('base64'),
      };
    },
  ),
  'staff.formsBatch': (ctx, input) => {
    const forms = formsOf(ctx, input.year, input.unitId);
    const unit = unitById(ctx.sqlite, input.unitId)!;
    const file = volumePath(ctx.env.dataDir, input.year, input.unitId);
    return ctx.app.jobs.start(
      ctx.caller.username,
      { kind: 'staffForms', title: `${unit.name}${staffFormTitle(input.year)}合订本` },
      forms.length,
      async (job) => {
        // each lane takes the next form and lays it out on the render pool (every core; the main thread stays free
        // for the progress polls and cancel), the forms kept in the list's order
        const files: (Uint8Array | null)[] = forms.map(() => null);
        let next = 0;
        const lane = async () => {
          while (!job.cancelled && next < forms.length) {
            const i = next++;
            const f = forms[i]!;
            try {
              files[i] = (await ctx.app.render.run({ kind: 'document', doc: buildStaffForm(f) })).bytes;
              job.step(true);
            } catch (e) {
              job.step(false, { item: f.name, message: e instanceof Error ? e.message : String(e) });
            }
          }
        };
        await Promise.all(Array.from({ length: Math.max(2, ctx.app.render.size * 2) }, lane));
        const made = files.filter((x): x is Uint8Array => x !== null);
        if (job.cancelled || made.length === 0) return;
        const title = `${unit.name}${staffFormTitle(input.year)}`;
        const volume = await ctx.app.render.run({ kind: 'volume', title, letters: made });
        if (job.cancelled) return;
        writeVolume(file, Buffer.from(volume.bytes.buffer, volume.bytes.byteOffset, volume.bytes.byteLength));
        job.finish({ fileName: volumeName(unit.name, input.year), message: `共 ${made.length} 人，合订为一册` });
      },
    );
  },
  'staff.formsVolume': (ctx, input) => {
    const unit = unitById(ctx.sqlite, input.unitId);
    if (!unit) throw new AppError('NOT_FOUND', '没有找到这个单位，请刷新。');
    const file = volumePath(ctx.env.dataDir, input.year, input.unitId);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', '还没有生成该单位本年度的登记表合订本。');
    ctx.audit(`staffForms:${input.year}:${unit.name}`, { downloaded: true });
    return { fileName: volumeName(unit.name, input.year), base64: fs.readFileSync(file).toString('base64') };
  },
};
