import { AppError } from '../../contract';
import { maskIdNumber } from '../../core';
import {
  allPeople,
  allUnits,
  currentPosts,
  personById,
  postsOf,
  queryPeople,
  subtreeIds,
  unitById,
  type PersonRecord,
} from '../../../db/repos/org';
import { peopleTemplate, peopleWorkbook } from '../excel/org-export';
import { countsOf, planPeopleImport } from '../excel/people-import';
import { previewOf, refuseIfErrors } from '../excel/unit-import';
import { fileStamp } from '../file-stamp';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { errorFileName, errorWorkbook } from '../excel/error-workbook';
import { readWorkbook } from '../excel/workbook';
import { insertPerson, updatePerson } from '../org/write';
import { writeCtx } from './units';

type PeopleFile = { fileName: string; uploadId?: string; base64?: string; dotOneMonth?: 1 | 10 };
const planPeople = (ctx: HandlerContext, input: PeopleFile) =>
  planPeopleImport(ctx.sqlite, input.fileName, fileBytes(ctx, input, 'excel'), input);

/** What leaves the core about a person: the ID number only ever masked. */
export function personView(p: PersonRecord) {
  const { uuid: _u, version: _v, ...rest } = p;
  return { ...rest, idNumber: maskIdNumber(p.idNumber) };
}

function mustFind(ctx: HandlerContext, id: number): PersonRecord {
  const p = personById(ctx.sqlite, id);
  if (!p) throw new AppError('NOT_FOUND', '没有找到这个人员，请刷新。');
  return p;
}

export const peopleHandlers: Handlers<
  | 'people.list'
  | 'people.get'
  | 'people.create'
  | 'people.update'
  | 'people.setActive'
  | 'people.importPreview'
  | 'people.import'
  | 'people.importErrors'
  | 'people.export'
  | 'people.template'
> = {
  'people.list': (ctx, input) => {
    if (input.unitId && !unitById(ctx.sqlite, input.unitId))
      throw new AppError('NOT_FOUND', '没有找到这个单位，请刷新。');
    const unitIds = input.unitId
      ? input.includeSubunits
        ? subtreeIds(ctx.sqlite, input.unitId)
        : [input.unitId]
      : undefined;
    const { total, rows } = queryPeople(ctx.sqlite, {
      unitIds,
      search: input.search || undefined,
      includeInactive: input.includeInactive,
      offset: input.offset,
      limit: input.limit,
    });
    return { total, rows: rows.map(personView) };
  },
  'people.get': (ctx, input) => {
    const p = mustFind(ctx, input.id);
    return {
      ...personView(p),
      posts: postsOf(ctx.sqlite, p.id).map(({ unitName, post, duties, fromDate, toDate }) => ({
        unitName,
        post,
        duties,
        fromDate,
        toDate,
      })),
    };
  },
  'people.create': (ctx, input) => {
    const id = insertPerson(writeCtx(ctx), input);
    ctx.audit(`person:${id}`, { name: input.name, unitId: input.unitId });
    return personView(mustFind(ctx, id));
  },
  'people.update': (ctx, input) => {
    const { id, ...patch } = input;
    const before = mustFind(ctx, id);
    updatePerson(writeCtx(ctx), id, patch);
    const { idNumber: _secret, ...logged } = patch;
    ctx.audit(`person:${id}`, { name: before.name, changed: logged, idNumberChanged: patch.idNumber !== undefined });
    return personView(mustFind(ctx, id));
  },
  'people.setActive': (ctx, input) => {
    const p = mustFind(ctx, input.id);
    updatePerson(writeCtx(ctx), input.id, { active: input.active });
    ctx.audit(`person:${p.id}`, { name: p.name, active: input.active });
    return personView(mustFind(ctx, input.id));
  },
  'people.importPreview': async (ctx, input) => previewOf(await planPeople(ctx, input)),
  'people.importErrors': async (ctx, input) => {
    const bytes = fileBytes(ctx, input, 'excel');
    const plan = await planPeopleImport(ctx.sqlite, input.fileName, bytes, input);
    const out = await errorWorkbook(await readWorkbook(input.fileName, bytes), plan.sheet, plan.rows);
    return { fileName: errorFileName(input.fileName), base64: out.buffer.toString('base64') };
  },
  'people.import': prepared(
    async (ctx, input) => planPeople(ctx, input),
    (ctx, input, plan) => {
      const counts = countsOf(plan.rows);
      refuseIfErrors(plan.rows);
      if (plan.ambiguous)
        throw new AppError(
          'INVALID_INPUT',
          `有 ${plan.ambiguous} 个任职日期可能是 1 月也可能是 10 月，请先确认读法再导入；未导入任何内容。`,
        );
      const w = writeCtx(ctx);
      for (const { existingId, ...item } of plan.items) {
        if (existingId) updatePerson(w, existingId, { ...item, active: true });
        else insertPerson(w, item);
      }
      ctx.audit('people', { fileName: input.fileName, ...counts });
      return { rows: plan.rows, counts, notices: plan.notices, committed: true };
    },
  ),
  'people.export': prepared(
    async (ctx, input) => {
      const unitIds = input.unitId ? subtreeIds(ctx.sqlite, input.unitId) : undefined;
      const codes = new Map(allUnits(ctx.sqlite).map((u) => [u.id, u.code]));
      const current = currentPosts(ctx.sqlite);
      const people = allPeople(ctx.sqlite, unitIds).map((p) => ({
        ...p,
        unitCode: codes.get(p.unitId) ?? '',
        duties: current.get(p.id)?.duties ?? '',
        fromDate: current.get(p.id)?.fromDate ?? '',
      }));
      return { buffer: await peopleWorkbook(people), count: people.length };
    },
    (ctx, input, out) => {
      ctx.audit('people', { exported: out.count, unitId: input.unitId ?? null });
      return { fileName: `人员-${fileStamp(ctx.now)}.xlsx`, base64: out.buffer.toString('base64') };
    },
  ),
  'people.template': async () => ({
    fileName: '人员导入模板.xlsx',
    base64: (await peopleTemplate()).toString('base64'),
  }),
};
