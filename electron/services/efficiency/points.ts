import type { HandlerContext } from '../handler';
import type { PointsOf } from './publish';

/**
 * The efficiency indicator's points per unit for the published list. Filled from the scoring sources registry
 * (services/scoring/source-efficiency.ts) once the year's plan marks an indicator as its source.
 */
export const efficiencyPoints: PointsOf = (_ctx: HandlerContext, _year: number) => null;
