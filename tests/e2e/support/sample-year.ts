import fs from 'node:fs';
import path from 'node:path';
import { type WebHostProcess, api, apiSignIn, repoRoot } from './fixtures';

/** A sample workbook as an import call takes it. */
export const fixtureFile = (folder: string, name: string) => ({
  fileName: name,
  base64: fs.readFileSync(path.join(repoRoot, 'tests/fixtures', folder, name)).toString('base64'),
});

/**
 * The sample county's year set up over the API, as the office would through the screens: the unit's name (by the
 * administrator), the issuing body (and any other business settings), the units and people, a plan with its
 * indicators, common and business targets — published unless told otherwise.
 */
export async function sampleYear(
  host: WebHostProcess,
  session: string,
  o: { year?: number; publish?: boolean; business?: Record<string, unknown> } = {},
): Promise<{ id: number; year: number }> {
  const year = o.year ?? 2026;
  const admin = await apiSignIn(host, 'admin');
  await api(host, 'settings.update', { unitName: '示例县人民政府目标考评办公室' }, admin);
  await api(host, 'auth.logout', {}, admin);
  await api(
    host,
    'settings.updateBusiness',
    { issuingBodies: ['示例县人民政府目标考评办公室'], ...o.business },
    session,
  );
  await api(host, 'units.import', fixtureFile('org', 'sample-units.xlsx'), session);
  await api(host, 'people.import', fixtureFile('org', 'sample-people.xlsx'), session);
  const plan = await api<{ id: number }>(
    host,
    'plans.create',
    { year, title: `示例县${year}年度目标管理考核方案` },
    session,
  );
  await api(host, 'indicators.import', { planId: plan.id, ...fixtureFile('plans', 'sample-indicators.xlsx') }, session);
  for (const c of (await api<{ id: number; units: number }[]>(host, 'categories.list', {}, session)).filter(
    (x) => x.units > 0,
  ))
    await api(host, 'targets.assignCommon', { planId: plan.id, categoryId: c.id }, session);
  await api(host, 'targets.import', { planId: plan.id, ...fixtureFile('plans', 'sample-targets.xlsx') }, session);
  if (o.publish !== false) await api(host, 'plans.setState', { id: plan.id, to: 'published' }, session);
  return { id: plan.id, year };
}
