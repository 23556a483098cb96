import fs from 'node:fs';
import path from 'node:path';
import { testApp, type TestApp } from './app';
import { caller, type TypedCaller } from './caller';
import { repoRoot } from './tmp';

/** An office in December 2026 with the sample units and ten people in 发改局, for the staff assessment's tests. */
export async function staffWorld(now = new Date('2026-12-15T10:00:00').getTime()) {
  const clock = { now };
  const t: TestApp = await testApp({ now: () => clock.now });
  const kpy: TypedCaller = caller(t.app, 'evaluator');
  const units = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/org/sample-units.xlsx')).toString('base64');
  await kpy.call('units.import', { fileName: 'units.xlsx', base64: units });
  const all = await kpy.call('units.list', {});
  const unit = (code: string) => all.find((u) => u.code === code)!.id;
  const fgj = unit('SX-FGJ');
  const czj = unit('SX-CZJ');
  const people: number[] = [];
  for (let i = 1; i <= 10; i++)
    people.push(
      (await kpy.call('people.create', { name: `干部${i}`, unitId: fgj, post: '科员', fromDate: '2018-03-01' })).id,
    );
  return { t, kpy, clock, fgj, czj, people, unit };
}

type StaffWorld = Awaited<ReturnType<typeof staffWorld>>;
const DAY = 24 * 3600 * 1000;

/** The clock's day (YYYY-MM-DD, local time as the app reads it). */
export const dayOf = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The office's letterhead, which a 公示 needs. */
export async function letterhead(w: StaffWorld) {
  await caller(w.t.app, 'admin').call('settings.update', { unitName: '示例县人民政府目标考评办公室' });
  await w.kpy.call('settings.updateBusiness', { issuingBodies: ['示例县人民政府目标考评办公室'] });
}

/** 优秀 the way the rules give it: proposed, posted for 5 working days, confirmed once the period is over. */
export async function excellentByPosting(w: StaffWorld, year: number, unitId: number, personIds: number[]) {
  for (const personId of personIds)
    await w.kpy.call('staff.grade', { year, unitId, personId, proposedGrade: 'excellent' });
  const p = await w.kpy.call('staff.publicize', {
    year,
    unitId,
    startDate: dayOf(w.clock.now),
    workingDays: 5,
    phone: '0000-1234567',
  });
  w.clock.now += 10 * DAY;
  await w.kpy.call('staff.confirmExcellent', { postingId: p.id });
  return p;
}
