import { firstRunStep, type ValueOf } from '../vocab';

export type FirstRunStep = ValueOf<typeof firstRunStep>;

/** What the database says about a new office, counted in one place (db/repos/first-run.ts). */
export interface FirstRunFacts {
  unitName: string;
  evaluators: number;
  issuingBodies: number;
  units: number;
  people: number;
  plans: number;
  indicators: number;
  targets: number;
  publishedPlans: number;
  letters: number;
}

/** Each role's own half of the guided start: the administrator never sees the evaluator's work (三员分立). */
const stepsOf: Record<'admin' | 'evaluator', FirstRunStep[]> = {
  admin: ['unit', 'evaluatorAccount'],
  evaluator: ['letterhead', 'org', 'plan', 'indicators', 'publish', 'letter'],
};

const isDone: Record<FirstRunStep, (f: FirstRunFacts) => boolean> = {
  unit: (f) => f.unitName.trim() !== '',
  evaluatorAccount: (f) => f.evaluators > 0,
  // the letter's 甲方 falls back to the first issuing body, so the issuing body is what a letter needs
  letterhead: (f) => f.issuingBodies > 0,
  org: (f) => f.units > 0 && f.people > 0,
  plan: (f) => f.plans > 0,
  indicators: (f) => f.indicators > 0 && f.targets > 0,
  publish: (f) => f.publishedPlans > 0,
  letter: (f) => f.letters > 0,
};

export interface FirstRunItem {
  step: FirstRunStep;
  label: string;
  done: boolean;
}

/** The caller's checklist in order, each step done or not; empty for a role with no part in the start. */
export function firstRunChecklist(role: string, facts: FirstRunFacts): FirstRunItem[] {
  const steps = role === 'admin' || role === 'evaluator' ? stepsOf[role] : [];
  return steps.map((step) => ({ step, label: firstRunStep.label(step), done: isDone[step](facts) }));
}
