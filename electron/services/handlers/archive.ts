import { AppError } from '../../contract';
import { archiveExtractTitle, buildArchiveExtract, maskIdNumber } from '../../core';
import { personById } from '../../../db/repos/org';
import { renderOfficialDocument } from '../documents/gbt9704';
import { fileStamp } from '../file-stamp';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { todayOf } from '../org/write';
import { archiveWorkbook } from '../people/archive-export';
import { archiveOf } from '../people/sources';
import { readBasicSettings } from './settings';

/** The roles that may read case content (decisions, measures): the others get those lines left out. */
const caseReaders = new Set(['evaluator', 'leader']);

function archive(ctx: HandlerContext, personId: number) {
  const p = personById(ctx.sqlite, personId);
  if (!p) throw new AppError('NOT_FOUND', '没有找到这个人员，请刷新。');
  const all = archiveOf(ctx.sqlite, p.id);
  const lines = caseReaders.has(ctx.caller.role) ? all : all.filter((l) => !l.restricted);
  return {
    person: {
      id: p.id,
      code: p.code,
      name: p.name,
      unitName: p.unitName,
      post: p.post,
      rank: p.rank,
      idNumber: maskIdNumber(p.idNumber),
      active: p.active,
    },
    lines: lines.map(({ personId: _p, ...l }) => l),
    hidden: all.length - lines.length,
  };
}

export const archiveHandlers: Handlers<'people.archive' | 'people.archiveExport'> = {
  'people.archive': (ctx, input) => archive(ctx, input.personId),
  'people.archiveExport': prepared(
    async (ctx, input) => {
      const a = archive(ctx, input.personId);
      const settings = readBasicSettings(ctx);
      const extract = {
        issuer: settings.issuingBodies[0] || settings.unitName || '目标考评办公室',
        date: todayOf(ctx.now),
        person: a.person,
        lines: a.lines,
        hidden: a.hidden,
      };
      const buffer =
        input.format === 'xlsx'
          ? await archiveWorkbook(extract)
          : await renderOfficialDocument({ ...buildArchiveExtract(extract), demo: ctx.env.demo });
      return { buffer, name: a.person.name, lines: a.lines.length };
    },
    (ctx, input, out) => {
      ctx.audit(`archive:${out.name}`, { exported: out.lines, format: input.format });
      return {
        fileName: `${archiveExtractTitle(out.name)}-${fileStamp(ctx.now)}.${input.format}`,
        base64: out.buffer.toString('base64'),
      };
    },
  ),
};
