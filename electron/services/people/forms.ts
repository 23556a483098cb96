import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract';
import { buildStaffForm, particularsOf, type StaffFormInput } from '../../core/staff-form';
import { currentPost, personById } from '../../../db/repos/org';
import type { HandlerContext } from '../handler';
import { readBasicSettings } from '../handlers/settings';
import { todayOf } from '../org/write';
import { roundState } from './round';
import { readStaffSettings } from './settings';

/** The forms of a unit's year (or of one person in it), as the 登记表 prints them. */
export function formsOf(ctx: HandlerContext, year: number, unitId: number, personId?: number): StaffFormInput[] {
  const { view } = roundState(ctx.sqlite, year, unitId, readStaffSettings(ctx.db));
  const people = view.people.filter((p) => personId === undefined || p.personId === personId);
  if (personId !== undefined && people.length === 0)
    throw new AppError('RULE_VIOLATION', `该人员不在${view.unitName}${year}年度的考核名单中。`);
  if (people.length === 0) throw new AppError('RULE_VIOLATION', `${view.unitName}${year}年度没有需要考核的人员。`);
  const settings = readBasicSettings(ctx);
  const office = settings.issuingBodies[0] || settings.unitName || view.unitName;
  return people.map((p) => {
    const person = personById(ctx.sqlite, p.personId);
    const post = currentPost(ctx.sqlite, p.personId);
    return {
      year,
      office,
      date: todayOf(ctx.now),
      name: p.name,
      ...particularsOf(person?.idNumber ?? null),
      unitName: view.unitName,
      post: p.post,
      inPostSince: post?.fromDate ?? null,
      duties: post?.duties ?? '',
      comment: p.comment,
      proposedGrade: p.proposedGrade,
      finalGrade: p.inScope ? p.finalGrade : 'none',
      noGradeNote: p.inScope ? p.noGradeNote : p.outReason,
    };
  });
}

export const formDoc = (f: StaffFormInput, demo: boolean) => ({ ...buildStaffForm(f), demo });

/** Where a unit's bound volume of the year is kept: <data>/documents/staffForms/<year>/<unit id>.docx. */
export const volumePath = (dataDir: string, year: number, unitId: number) =>
  path.join(dataDir, 'documents', 'staffForms', String(year), `${unitId}.docx`);

/** Writes the volume whole or not at all (a temporary name, then renamed). */
export function writeVolume(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}
