import ExcelJS from 'exceljs';
import { AppError } from '../../contract';
import {
  attend,
  attendanceOf,
  hoursOfYear,
  insertTraining,
  listTrainings,
  removeTraining,
  trainingById,
  unattend,
  updateTraining,
} from '../../../db/repos/training';
import { personById } from '../../../db/repos/org';
import { countsOf, previewOf, refuseIfErrors } from '../excel/unit-import';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { fileBytes } from '../uploads';
import { readStaffSettings } from '../people/settings';
import { attendanceColumns, planAttendanceImport } from '../people/training-import';

type AttendanceFile = { trainingId: number; fileName: string; uploadId?: string; base64?: string };

function mustCourse(ctx: HandlerContext, id: number) {
  const t = trainingById(ctx.sqlite, id);
  if (!t) throw new AppError('NOT_FOUND', '没有找到这个培训，请刷新。');
  return t;
}

const plan = (ctx: HandlerContext, input: AttendanceFile) => {
  const t = mustCourse(ctx, input.trainingId);
  return planAttendanceImport(ctx.sqlite, t.id, t.hours, input.fileName, fileBytes(ctx, input, 'excel'));
};

const round1 = (x: number) => Math.round(x * 10) / 10;

export const trainingHandlers: Handlers<
  | 'training.list'
  | 'training.save'
  | 'training.remove'
  | 'training.attendance'
  | 'training.attend'
  | 'training.unattend'
  | 'training.importPreview'
  | 'training.import'
  | 'training.template'
  | 'training.summary'
> = {
  'training.list': (ctx, input) => listTrainings(ctx.sqlite, input.year) as never,
  'training.save': (ctx, input) => {
    const row = { ...input, organizer: input.organizer ?? '' };
    let id = input.id;
    if (id) {
      mustCourse(ctx, id);
      updateTraining(ctx.records, id, row);
    } else id = insertTraining(ctx.records, row);
    ctx.audit(`training:${input.title}`, { startDate: input.startDate, hours: input.hours });
    return { id };
  },
  'training.remove': (ctx, input) => {
    const t = mustCourse(ctx, input.id);
    removeTraining(ctx.records, t.id);
    ctx.audit(`training:${t.title}`, { removed: true, attendees: t.attendees });
    return { ok: true as const };
  },
  'training.attendance': (ctx, input) => attendanceOf(ctx.sqlite, mustCourse(ctx, input.trainingId).id),
  'training.attend': (ctx, input) => {
    const t = mustCourse(ctx, input.trainingId);
    const p = personById(ctx.sqlite, input.personId);
    if (!p) throw new AppError('NOT_FOUND', '没有找到这个人员，请刷新。');
    attend(ctx.records, t.id, p.id, input.hours ?? t.hours);
    ctx.audit(`training:${t.title}`, { attended: p.name, hours: input.hours ?? t.hours });
    return { ok: true as const };
  },
  'training.unattend': (ctx, input) => {
    const t = mustCourse(ctx, input.trainingId);
    if (!unattend(ctx.records, t.id, input.personId)) throw new AppError('NOT_FOUND', '该人员没有登记参加这个培训。');
    ctx.audit(`training:${t.title}`, { unattended: input.personId });
    return { ok: true as const };
  },
  'training.importPreview': async (ctx, input) => previewOf(await plan(ctx, input)),
  'training.import': prepared(
    (ctx, input) => plan(ctx, input),
    (ctx, input, p) => {
      refuseIfErrors(p.rows);
      const t = mustCourse(ctx, input.trainingId);
      for (const i of p.items) attend(ctx.records, t.id, i.personId, i.hours);
      ctx.audit(`training:${t.title}`, { imported: p.items.length, file: input.fileName });
      return { rows: p.rows, counts: countsOf(p.rows), notices: p.notices, committed: true };
    },
  ),
  'training.template': async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('参加人员');
    ws.addRow(attendanceColumns.map((c) => (c.required ? `${c.names[0]}*` : c.names[0])));
    ws.addRow(['', '张三', '示例县发展和改革局', 24]);
    ws.columns.forEach((c) => (c.width = 20));
    return {
      fileName: '培训参加人员导入模板.xlsx',
      base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    };
  },
  /** Hours per person and per unit against the yearly requirement; the units whose average falls short first. */
  'training.summary': (ctx, input) => {
    const required = readStaffSettings(ctx.db).trainingHours;
    const people = hoursOfYear(ctx.sqlite, input.year);
    const units = new Map<number, { unitId: number; unitName: string; people: number; hours: number; below: number }>();
    for (const p of people) {
      const u = units.get(p.unitId) ?? { unitId: p.unitId, unitName: p.unitName, people: 0, hours: 0, below: 0 };
      u.people++;
      u.hours += p.hours;
      if (p.hours < required) u.below++;
      units.set(p.unitId, u);
    }
    return {
      required,
      units: [...units.values()]
        .map((u) => ({ ...u, hours: round1(u.hours), average: round1(u.hours / u.people) }))
        .sort((a, b) => a.average - b.average),
      people: people.map(({ personId, name, unitName, hours }) => ({ personId, name, unitName, hours: round1(hours) })),
    };
  },
};
