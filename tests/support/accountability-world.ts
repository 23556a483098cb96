import { expect } from 'vitest';
import type { App } from '../../electron/services/app';
import type { TestApp } from './app';
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

/** A clue filed by hand on a person, opened as a case, investigated, ready for a decision. */
export async function caseReady(t: TestApp, clock: ReturnType<typeof testClock>) {
  const w = await accountabilityWorld(t.app);
  const { call } = w;
  const person = w.people.find((p) => p.post)!;
  const clue = await call<{ id: number }>('clues.file', {
    summary: '群众反映行政审批窗口长期推诿拖延',
    personId: person.id,
    receivedOn: '2026-03-02',
  });
  const filed = await call<{ caseId: number; state: string }>('clues.assess', {
    action: 'file',
    id: clue.id,
    title: `${person.name}审批推诿拖延问题`,
    faultCategory: 'inaction',
    degree: 'ordinary',
    openedOn: '2026-03-02',
  });
  expect(filed.state).toBe('filed');
  const caseId = filed.caseId;
  let c = await call<CaseOut>('cases.get', { id: caseId });
  expect(c.subjects.map((s) => s.name)).toEqual([person.name]);
  await call('cases.step', { id: caseId, action: 'investigate' });
  await call('cases.save', {
    id: caseId,
    title: `${person.name}审批推诿拖延问题`,
    faultCategory: 'inaction',
    degree: 'ordinary',
    facts: '2026年1月至2月，该同志在审批窗口对3件申请推诿拖延，超出承诺时限10个工作日以上。',
    investigators: ['王调查'],
  });
  await expect(call('cases.step', { id: caseId, action: 'deliberate' })).rejects.toThrow('至少两名调查人员');
  await call('cases.save', {
    id: caseId,
    title: `${person.name}审批推诿拖延问题`,
    faultCategory: 'inaction',
    degree: 'ordinary',
    facts: '2026年1月至2月，该同志在审批窗口对3件申请推诿拖延，超出承诺时限10个工作日以上。',
    investigators: ['王调查', '赵核实'],
  });
  await expect(call('cases.step', { id: caseId, action: 'deliberate' })).rejects.toThrow('陈述申辩尚未登记');
  const subjectId = c.subjects[0]!.id;
  // told on 3-03; the 5 working days have not run out on 3-05
  clock.set('2026-03-05');
  await expect(call('cases.statement', { subjectId, given: false, on: '2026-03-03' })).rejects.toThrow('尚未届满');
  clock.set('2026-03-12');
  c = await call<CaseOut>('cases.statement', { subjectId, given: false, on: '2026-03-03' });
  expect(c.subjects[0]!.statementState).toBe('none');
  c = await call<CaseOut>('cases.step', { id: caseId, action: 'deliberate' });
  expect(c.state).toBe('deliberating');
  return { ...w, person, caseId, subjectId };
}

export const decision = {
  forms: ['诫勉'],
  facts: '2026年1月至2月，该同志在审批窗口对3件申请推诿拖延，超出承诺时限10个工作日以上。',
  basis: '《示例县行政问责办法》第十条第（二）项',
  body: '示例县人民政府',
  appealTo: '示例县人民政府',
};
