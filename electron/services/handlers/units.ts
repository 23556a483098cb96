import { AppError } from '../../contract';
import { readSetting, writeSetting } from '../../../db/repos/settings';
import {
  allUnits,
  categoryByName,
  categoryRows as categoriesOf,
  listUnitsWithCounts,
  removeCategoryRow,
  saveCategoryRow,
  unitById,
  unitByCode,
  unitWithCount,
} from '../../../db/repos/org';
import { countsOf, planUnitImport, previewOf, refuseIfErrors } from '../excel/unit-import';
import { unitsTemplate, unitsWorkbook } from '../excel/org-export';
import { fileStamp } from '../file-stamp';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { errorFileName, errorWorkbook } from '../excel/error-workbook';
import { readWorkbook } from '../excel/workbook';
import { insertUnit, todayOf, updateUnit, type WriteCtx } from '../org/write';

export const writeCtx = (ctx: HandlerContext): WriteCtx => ({
  sqlite: ctx.sqlite,
  records: ctx.records,
  today: todayOf(ctx.now),
});

function unitRow(ctx: HandlerContext, id: number) {
  const own = readSetting<number | null>(ctx.db, 'ownUnitId', null);
  const u = unitWithCount(ctx.sqlite, id);
  if (!u) throw new AppError('NOT_FOUND', '没有找到这个单位，请刷新。');
  const { uuid: _u, version: _v, ...rest } = u;
  return { ...rest, isOwn: own === u.id };
}

const categoryRows = (ctx: HandlerContext) => categoriesOf(ctx.sqlite);

export const unitsHandlers: Handlers<
  | 'categories.list'
  | 'categories.save'
  | 'categories.remove'
  | 'units.list'
  | 'units.create'
  | 'units.update'
  | 'units.setActive'
  | 'units.setOwn'
  | 'units.importPreview'
  | 'units.import'
  | 'units.importErrors'
  | 'units.export'
  | 'units.template'
> = {
  'categories.list': (ctx) => categoryRows(ctx),
  'categories.save': (ctx, input) => {
    const clash = categoryByName(ctx.sqlite, input.name);
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `类别“${input.name}”已存在。`);
    const id = saveCategoryRow(ctx.records, input.id, input);
    if (id === 0) throw new AppError('NOT_FOUND', '没有找到这个类别，请刷新。');
    ctx.audit(`category:${id}`, { name: input.name });
    return categoryRows(ctx).find((c) => c.id === id)!;
  },
  'categories.remove': (ctx, input) => {
    const c = categoryRows(ctx).find((x) => x.id === input.id);
    if (!c) throw new AppError('NOT_FOUND', '没有找到这个类别，请刷新。');
    if (c.units > 0) throw new AppError('RULE_VIOLATION', `类别“${c.name}”下还有 ${c.units} 个单位，不能删除。`);
    removeCategoryRow(ctx.records, input.id);
    ctx.audit(`category:${input.id}`, { name: c.name });
    return {};
  },

  'units.list': (ctx) => {
    const own = readSetting<number | null>(ctx.db, 'ownUnitId', null);
    return listUnitsWithCounts(ctx.sqlite).map(({ uuid: _u, version: _v, ...u }) => ({ ...u, isOwn: u.id === own }));
  },
  'units.create': (ctx, input) => {
    const id = insertUnit(writeCtx(ctx), input);
    ctx.audit(`unit:${input.code}`, { name: input.name });
    return unitRow(ctx, id);
  },
  'units.update': (ctx, input) => {
    const { id, ...patch } = input;
    const before = unitById(ctx.sqlite, id);
    const after = updateUnit(writeCtx(ctx), id, patch);
    ctx.audit(`unit:${after.code}`, { before, patch });
    return unitRow(ctx, id);
  },
  'units.setActive': (ctx, input) => {
    const after = updateUnit(writeCtx(ctx), input.id, { active: input.active });
    ctx.audit(`unit:${after.code}`, { active: input.active });
    return unitRow(ctx, input.id);
  },
  'units.setOwn': (ctx, input) => {
    const u = unitById(ctx.sqlite, input.id);
    if (!u) throw new AppError('NOT_FOUND', '没有找到这个单位，请刷新。');
    writeSetting(ctx.db, 'ownUnitId', u.id, ctx.caller.username, ctx.now);
    ctx.audit(`unit:${u.code}`, { own: true });
    return unitRow(ctx, u.id);
  },

  'units.importPreview': async (ctx, input) => {
    return previewOf(await planUnitImport(ctx.sqlite, input.fileName, fileBytes(ctx, input, 'excel')));
  },
  'units.importErrors': async (ctx, input) => {
    const bytes = fileBytes(ctx, input, 'excel');
    const plan = await planUnitImport(ctx.sqlite, input.fileName, bytes);
    const out = await errorWorkbook(await readWorkbook(input.fileName, bytes), plan.sheet, plan.rows);
    return { fileName: errorFileName(input.fileName), base64: out.buffer.toString('base64') };
  },
  /** All or nothing: one row in error refuses the file; otherwise one transaction, parents first. */
  'units.import': prepared(
    async (ctx, input) => planUnitImport(ctx.sqlite, input.fileName, fileBytes(ctx, input, 'excel')),
    (ctx, input, plan) => {
      const counts = countsOf(plan.rows);
      refuseIfErrors(plan.rows);
      const w = writeCtx(ctx);
      // stops are applied last, children before parents, so a parent is never stopped over a live child
      const stops = plan.items.filter((it) => it.existing && it.existing.active && !it.active);
      const pending = plan.items.map((it) => (stops.includes(it) ? { ...it, active: true } : it));
      // parents before children: repeat until every row whose parent now exists has been written
      while (pending.length) {
        const before = pending.length;
        for (let i = 0; i < pending.length; i++) {
          const it = pending[i]!;
          const parent = it.parentCode ? unitByCode(ctx.sqlite, it.parentCode) : null;
          if (it.parentCode && !parent) continue;
          const fields = {
            code: it.code,
            name: it.name,
            shortName: it.shortName,
            kind: it.kind,
            parentId: parent?.id ?? null,
            categoryId: it.categoryId,
            sortOrder: it.sortOrder,
          };
          if (it.existing) updateUnit(w, it.existing.id, { ...fields, active: it.active });
          else {
            const id = insertUnit(w, fields);
            if (!it.active) updateUnit(w, id, { active: false });
          }
          pending.splice(i--, 1);
        }
        if (pending.length === before)
          throw new AppError('INVALID_INPUT', '单位的上下级关系无法确定，未导入任何内容。');
      }
      const depth = (id: number): number => {
        const u = unitById(ctx.sqlite, id);
        return u?.parentId ? 1 + depth(u.parentId) : 0;
      };
      for (const it of stops.sort((a, b) => depth(b.existing!.id) - depth(a.existing!.id)))
        updateUnit(w, it.existing!.id, { active: false });
      ctx.audit('units', { fileName: input.fileName, ...counts });
      return { rows: plan.rows, counts, notices: plan.notices, committed: true };
    },
  ),
  'units.export': prepared(
    async (ctx) => {
      const names = new Map(categoriesOf(ctx.sqlite).map((c) => [c.id, c.name]));
      const units = allUnits(ctx.sqlite).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
      return { buffer: await unitsWorkbook(units, (id) => (id ? (names.get(id) ?? '') : '')), count: units.length };
    },
    (ctx, _input, out) => {
      ctx.audit('units', { exported: out.count });
      return { fileName: `单位-${fileStamp(ctx.now)}.xlsx`, base64: out.buffer.toString('base64') };
    },
  ),
  'units.template': async () => ({ fileName: '单位导入模板.xlsx', base64: (await unitsTemplate()).toString('base64') }),
};
