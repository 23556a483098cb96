import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../../electron/services/app';
import { asRole } from './app';
import { repoRoot } from './tmp';

export const fixtureFile = (folder: 'org' | 'plans' | 'efficiency', name: string) => ({
  fileName: name,
  base64: fs.readFileSync(path.join(repoRoot, 'tests/fixtures', folder, name)).toString('base64'),
});

/** Calls a channel as a role and returns its value, or throws the Chinese message. */
export function caller(app: App, role: Parameters<typeof asRole>[0] = 'evaluator', username = '李考评') {
  return async <T = unknown>(channel: string, input: unknown): Promise<T> => {
    const r = await app.callAs(asRole(role, username), 'web', channel, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as T;
  };
}

/**
 * What a newcomer does with the samples: units and people, the office's letterhead, a 2026 plan
 * with the sample indicators, the common indicators for every category, the sample targets.
 */
export async function samplePlan(app: App, o: { publish?: boolean } = { publish: true }) {
  const call = caller(app);
  await caller(app, 'admin', '管理员')('settings.update', { unitName: '示例县人民政府目标考评办公室' });
  await call('settings.updateBusiness', {
    issuingBodies: ['示例县人民政府目标考评办公室'],
    letterPartyA: '示例县人民政府',
  });
  await call('units.import', fixtureFile('org', 'sample-units.xlsx'));
  await call('people.import', fixtureFile('org', 'sample-people.xlsx'));
  const plan = await call<{ id: number; year: number }>('plans.create', {
    year: 2026,
    title: '示例县2026年度目标管理考核方案',
  });
  await call('indicators.import', { planId: plan.id, ...fixtureFile('plans', 'sample-indicators.xlsx') });
  const categories = await call<{ id: number; name: string; units: number }[]>('categories.list', {});
  for (const c of categories.filter((x) => x.units > 0))
    await call('targets.assignCommon', { planId: plan.id, categoryId: c.id });
  await call('targets.import', { planId: plan.id, ...fixtureFile('plans', 'sample-targets.xlsx') });
  if (o.publish) await call('plans.setState', { id: plan.id, to: 'published' });
  const units = await call<{ id: number; code: string }[]>('units.list', {});
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  return { plan, call, unitId };
}
