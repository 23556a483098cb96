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
