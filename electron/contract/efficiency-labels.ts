/** The words of 审批效率与行政成本 for the renderer, from electron/vocab. */
import { approvalStanding, costBasis, costMeasure } from '../vocab';

export const approvalStandingLabels = approvalStanding.labels;
export const costMeasures = costMeasure.values;
export const costMeasureLabels = costMeasure.labels;
export const costBases = costBasis.values;
export const costBasisLabels = costBasis.labels;
