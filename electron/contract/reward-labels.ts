import { type ValueOf, rewardMethod } from '../vocab';

export const rewardMethods = rewardMethod.values;
export type RewardMethodName = ValueOf<typeof rewardMethod>;
export const rewardMethodLabels = rewardMethod.labels;
