import type { ChannelName } from '../../electron/contract';
import type { Scenario } from './write-scenarios';
import type { World } from './world';

/**
 * 责任追究 (#17) write scenarios: a clue on a person filed as a case, investigated and heard, decided, served,
 * appealed. Each key builds its own case, so the scenarios do not depend on one another's order.
 */

interface Case {
  id: number;
  subjects: { id: number; kind: string }[];
  decisions: { id: number; state: string }[];
  appeals: { id: number; outcome: string | null }[];
}

async function person(w: World) {
  await w.running();
  const { rows } = await w.call<{ rows: { id: number }[] }>('people.list', { limit: 5 });
  return rows[0]!.id;
}

const facts = '2026年上半年，该同志分管的审批事项多次超期办理。';

/** A case opened from a clue on a person (key: one case per key). */
function opened(w: World, key: string) {
  return w.once(`case:${key}`, async () => {
    const clue = await w.call<{ id: number }>('clues.file', {
      summary: `审批超期（${key}）`,
      personId: await person(w),
      receivedOn: w.today(),
    });
    const c = await w.call<{ caseId: number }>('clues.assess', {
      action: 'file',
      id: clue.id,
      title: `审批超期问题（${key}）`,
      faultCategory: 'inaction',
      openedOn: w.today(),
    });
    return w.call<Case>('cases.get', { id: c.caseId });
  });
}

/** Investigated, heard and sent to deliberation. */
function ready(w: World, key: string) {
  return w.once(`ready:${key}`, async () => {
    const c = await opened(w, key);
    await w.call('cases.step', { id: c.id, action: 'investigate' });
    await w.call('cases.save', {
      id: c.id,
      title: `审批超期问题（${key}）`,
      faultCategory: 'inaction',
      degree: 'ordinary',
      facts,
      investigators: ['王调查', '赵核实'],
    });
    await w.call('cases.statement', { subjectId: c.subjects[0]!.id, given: true, text: '对事实无异议', on: w.today() });
    await w.call('cases.step', { id: c.id, action: 'deliberate' });
    return c;
  });
}

const decisionInput = (c: Case, key: string) => ({
  caseId: c.id,
  subjectId: c.subjects[0]!.id,
  forms: ['诫勉'],
  facts: `${facts}（${key}）`,
  basis: '《示例县行政问责办法》第十条',
  body: '示例县人民政府',
  appealTo: '示例县人民政府',
});

function decided(w: World, key: string) {
  return w.once(`decided:${key}`, async () => {
    const c = await w.call<Case>('decisions.issue', decisionInput(await ready(w, key), key));
    return { caseId: c.id, decisionId: c.decisions[0]!.id };
  });
}

function served(w: World, key: string) {
  return w.once(`served:${key}`, async () => {
    const d = await decided(w, key);
    await w.call('decisions.serve', { id: d.decisionId, servedOn: w.today(), method: '直接送达', receivedBy: '本人' });
    return d;
  });
}

/** A 检讨通知 to the head of a unit (key: one review per key), demanded today with 5 working days. */
function review(w: World, key: string) {
  return w.once(`review:${key}`, async () => {
    await w.running();
    const { rows } = await w.call<{ rows: { id: number; unitId: number }[] }>('people.list', { limit: 5 });
    return w.call<{ id: number }>('incidents.demand', {
      unitId: rows[0]!.unitId,
      personId: rows[0]!.id,
      incident: `安全生产事故（${key}）`,
      incidentOn: w.today(),
      facts: '造成重大财产损失',
      toBody: '示例县人民政府',
      demandedOn: w.today(),
      workingDays: 5,
    });
  });
}

async function reviewReplied(w: World, key: string) {
  const r = await review(w, key);
  return w.once(`replied:${key}`, () =>
    w.call<{ id: number }>('incidents.reply', { id: r.id, replyOn: w.today(), reply: '书面检讨' }),
  );
}

export const caseScenarios: Partial<Record<ChannelName, Scenario>> = {
  // the running year's results, nothing entered yet: every total is below a threshold of 1000
  'results.toClue': async (w) => {
    const { plan } = await w.running();
    return { input: { planId: plan.id, unitId: await w.unit(), threshold: 1000, reason: '总分过低' } };
  },
  'incidents.demand': async (w) => {
    await w.running();
    const { rows } = await w.call<{ rows: { id: number; unitId: number }[] }>('people.list', { limit: 5 });
    return {
      input: {
        unitId: rows[0]!.unitId,
        personId: rows[0]!.id,
        incident: '安全生产事故',
        incidentOn: w.today(),
        facts: '造成重大财产损失',
        toBody: '示例县人民政府',
        demandedOn: w.today(),
        workingDays: 5,
      },
    };
  },
  'incidents.reply': async (w) => ({
    input: { id: (await review(w, 'reply')).id, replyOn: w.today(), reply: '书面检讨' },
  }),
  'incidents.settle': async (w) => ({
    input: { id: (await reviewReplied(w, 'settle')).id, action: 'return', opinion: '检讨不深刻' },
  }),
  'incidents.toClue': async (w) => ({ input: { id: (await review(w, 'clue')).id, reason: '事故后果严重' } }),
  // an inquiry left without a reply past its 5 working days
  'notices.escalate': async (w) => {
    const id = await w.notice();
    w.later(10);
    return { input: { id, reason: '逾期未回复' } };
  },
  'findings.escalate': async (w) => {
    const { plan } = await w.running();
    const checks = await w.call<{ findings: { id: number; rating: string }[] }[]>('checks.list', { planId: plan.id });
    const f = checks.flatMap((c) => c.findings).find((x) => x.rating !== 'on_track')!;
    return { input: { id: f.id, reason: '进度严重滞后' } };
  },
  'clues.file': async (w) => ({ input: { summary: '群众来信反映窗口推诿', receivedOn: w.today() } }),
  'clues.assess': async (w) => {
    const clue = await w.call<{ id: number }>('clues.file', { summary: '督查发现问题', receivedOn: w.today() });
    return { input: { action: 'close', id: clue.id, reason: '经核查不属实' } };
  },
  'cases.save': async (w) => {
    const c = await opened(w, 'save');
    return {
      input: {
        id: c.id,
        title: '改名后的案件',
        faultCategory: 'policy',
        degree: null,
        facts,
        investigators: ['甲', '乙'],
      },
    };
  },
  'cases.step': async (w) => ({ input: { id: (await opened(w, 'step')).id, action: 'investigate' } }),
  'cases.addSubject': async (w) => ({
    input: { caseId: (await opened(w, 'add')).id, kind: 'unit', unitId: await w.unit(), factsOn: w.today() },
  }),
  'cases.removeSubject': async (w) => {
    const c = await opened(w, 'remove');
    return { input: { id: c.subjects[0]!.id } };
  },
  'cases.statement': async (w) => {
    const c = await opened(w, 'statement');
    return { input: { subjectId: c.subjects[0]!.id, given: true, text: '情况属实', on: w.today() } };
  },
  'decisions.issue': async (w) => ({ input: decisionInput(await ready(w, 'issue'), 'issue') }),
  'decisions.serve': async (w) => ({
    input: { id: (await decided(w, 'serve')).decisionId, servedOn: w.today(), method: '直接送达', receivedBy: '本人' },
  }),
  'decisions.executed': async (w) => ({ input: { id: (await served(w, 'executed')).decisionId, on: w.today() } }),
  'decisions.remove': async (w) => ({ input: { id: (await decided(w, 'withdraw')).decisionId } }),
  'decisions.revoke': async (w) => ({ input: { id: (await served(w, 'revoke')).decisionId, reason: '事实认定有误' } }),
  'appeals.register': async (w) => ({
    input: {
      decisionId: (await served(w, 'appeal')).decisionId,
      kind: 'appeal',
      receivedOn: w.today(),
      grounds: '不服',
    },
  }),
  'appeals.answer': async (w) => {
    const d = await served(w, 'answer');
    const c = await w.call<Case>('appeals.register', {
      decisionId: d.decisionId,
      kind: 'review',
      receivedOn: w.today(),
      grounds: '不服',
    });
    return { input: { id: c.appeals[0]!.id, outcome: 'upheld', note: '维持原决定' } };
  },
  'cases.bulletin': async (w) => {
    await served(w, 'bulletin');
    return { input: { year: 2026 } };
  },
};
