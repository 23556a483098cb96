import type { ChannelName } from '../../electron/contract';
import { asRole } from './app';
import { samplePlan } from './sample-plan';
import type { World } from './world';

/** The write scenarios' 公示 and 异议: an installation of their own, brought step by step to what each call needs. */

/** A second installation with the sample plan signed and in 考核评分. */
export function scoringWorld(w: World) {
  return w.once('publication', async () => {
    const t = await w.fresh();
    const call = async <T = unknown>(channel: ChannelName, input: unknown): Promise<T> => {
      const r = await t.app.callAs(asRole('evaluator', '李考评'), 'web', channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as T;
    };
    const s = await samplePlan(t.app);
    for (const r of await call<{ unitId: number }[]>('letters.list', { planId: s.plan.id })) {
      await call('letters.generate', { planId: s.plan.id, unitId: r.unitId });
      const signed = { signedDate: w.today(), partyASigner: '张县长', partyBSigner: '负责人' };
      await call('letters.sign', { planId: s.plan.id, unitId: r.unitId, ...signed });
    }
    await call('plans.setState', { id: s.plan.id, to: 'signed' });
    await call('plans.setState', { id: s.plan.id, to: 'scoring' });
    return { t, call, planId: s.plan.id, unitId: s.unitId('SX-FGJ') };
  });
}

export async function objectionOf(y: Awaited<ReturnType<typeof objectionWorld>>) {
  const v = await y.call<{ objections: { id: number; state: string; rescoring: boolean }[] }>('publications.get', {
    planId: y.planId,
  });
  return v.objections.find((o) => o.id === y.objectionId)!;
}

export async function frozenWorld(w: World) {
  const y = await scoringWorld(w);
  const frozen = await y.call<{ snapshots: unknown[] }>('publications.get', { planId: y.planId });
  if (!frozen.snapshots.length)
    await y.call('publications.freeze', { planId: y.planId, incompleteReason: '按已有数据冻结' });
  return y;
}

export async function openWorld(w: World) {
  const y = await frozenWorld(w);
  const v = await y.call<{ publication: unknown }>('publications.get', { planId: y.planId });
  if (!v.publication)
    await y.call('publications.open', { planId: y.planId, startDate: w.today(), workingDays: 5, phone: '0000-1' });
  return y;
}

export async function objectionWorld(w: World) {
  const y = await openWorld(w);
  const v = await y.call<{ objections: { id: number }[] }>('publications.get', { planId: y.planId });
  const objectionId =
    v.objections[0]?.id ??
    (
      await y.call<{ objections: { id: number }[] }>('objections.register', {
        planId: y.planId,
        raiserName: '王某',
        raiserContact: '1',
        receivedDate: w.today(),
        content: '得分有误',
        unitId: y.unitId,
      })
    ).objections[0]!.id;
  return { ...y, objectionId };
}

export async function upheldWorld(w: World) {
  const y = await objectionWorld(w);
  const v = await y.call<{ objections: { state: string }[] }>('publications.get', { planId: y.planId });
  if (v.objections[0]!.state !== 'answered') {
    if (v.objections[0]!.state === 'registered')
      await y.call('objections.investigate', { id: y.objectionId, investigation: '核实' });
    await y.call('objections.answer', { id: y.objectionId, outcome: 'upheld', answer: '异议成立' });
  }
  const unit = await y.call<{ lines: { indicatorId: number; method: string; targetId: number | null }[] }>(
    'publications.unit',
    { planId: y.planId, no: 1, unitId: y.unitId },
  );
  const indicatorId = unit.lines.find((l) => l.method === 'linear' && l.targetId === null)!.indicatorId;
  return { ...y, indicatorId };
}
