import type { App } from '../../electron/services/app';
import { caller, fixtureFile } from './sample-plan';

/** Units and people of the sample county and the office's letterhead: what an accountability case needs. */
export async function accountabilityWorld(app: App) {
  const call = caller(app);
  await caller(app, 'admin', '管理员')('settings.update', { unitName: '示例县人民政府目标考评办公室' });
  await call('settings.updateBusiness', { issuingBodies: ['示例县人民政府目标考评办公室'] });
  await call('units.import', fixtureFile('org', 'sample-units.xlsx'));
  await call('people.import', fixtureFile('org', 'sample-people.xlsx'));
  const units = await call<{ id: number; code: string; name: string }[]>('units.list', {});
  const people = (
    await call<{ rows: { id: number; name: string; unitId: number; unitName: string; post: string | null }[] }>(
      'people.list',
      { limit: 500 },
    )
  ).rows;
  return { call, units, people };
}

export interface CaseOut {
  id: number;
  state: string;
  investigators: string[];
  subjects: {
    id: number;
    name: string;
    personId: number | null;
    unitName: string;
    post: string | null;
    movedTo: string | null;
    statementState: string;
  }[];
  decisions: {
    id: number;
    state: string;
    number: string;
    documentId: number;
    serviceDocumentId: number | null;
    servedOn: string | null;
    appealBy: string | null;
    executionBy: string | null;
    forms: string[];
    rules: string[];
    effects: { form: string; effectUntil: string | null }[];
    supersedesId: number | null;
  }[];
  appeals: { id: number; late: boolean; receivedOn: string; answerBy: string; outcome: string | null }[];
  clues: { id: number }[];
}

/** A clock a test moves on (the app reads it for every call). */
export function testClock(iso: string) {
  let now = Date.parse(`${iso}T10:00:00`);
  return {
    now: () => now,
    set: (day: string) => (now = Date.parse(`${day}T10:00:00`)),
  };
}
