import type { ChannelName } from '../../electron/contract';
import { frozenWorld, objectionOf, objectionWorld, openWorld, scoringWorld, upheldWorld } from './publication-world';
import type { Scenario } from './write-scenarios';

/** 公示 and 异议 (#16), each on an installation of its own whose plan is in 考核评分; publications.notify stays last. */
export const publicationScenarios: Partial<Record<ChannelName, Scenario>> = {
  'publications.freeze': async (w) => {
    const y = await scoringWorld(w);
    return { app: y.t, input: { planId: y.planId, incompleteReason: '尚未接入评分录入，按已有数据冻结' } };
  },
  'publications.open': async (w) => {
    const y = await frozenWorld(w);
    return { app: y.t, input: { planId: y.planId, startDate: w.today(), workingDays: 5, phone: '0000-1234567' } };
  },
  'objections.register': async (w) => {
    const y = await openWorld(w);
    return {
      app: y.t,
      input: {
        planId: y.planId,
        raiserName: '王某',
        raiserContact: '13800000000',
        receivedDate: w.today(),
        content: '得分有误',
        unitId: y.unitId,
      },
    };
  },
  'objections.investigate': async (w) => {
    const y = await objectionWorld(w);
    return { app: y.t, input: { id: y.objectionId, investigation: '调阅评分表' } };
  },
  'objections.answer': async (w) => {
    const y = await objectionWorld(w);
    if ((await objectionOf(y)).state === 'registered')
      await y.call('objections.investigate', { id: y.objectionId, investigation: '核实' });
    return { app: y.t, input: { id: y.objectionId, outcome: 'upheld', answer: '异议成立，予以更正' } };
  },
  'objections.rescore': async (w) => {
    const y = await upheldWorld(w);
    return { app: y.t, input: { id: y.objectionId, entries: [{ indicatorId: y.indicatorId, input: { rate: 80 } }] } };
  },
  'objections.refreeze': async (w) => {
    const y = await upheldWorld(w);
    return { app: y.t, input: { id: y.objectionId } };
  },
};
