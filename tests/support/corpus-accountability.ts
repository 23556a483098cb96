import {
  buildAccountabilityBulletin,
  buildDecisionDocument,
  buildServiceProof,
  type OfficialDocument,
} from '../../electron/core';
import { AWKWARD } from './awkward';
import { sampleAccountabilityBulletin, sampleDecision, sampleServiceProof } from './sample-accountability';

/** Accountability's documents (#17), for the engine's equivalence and render tests. */
export function accountabilityCorpus(): [string, OfficialDocument][] {
  return [
    ['accountability decision (问责决定书)', buildDecisionDocument(sampleDecision())],
    [
      'accountability decision changed by a 复查, awkward facts',
      buildDecisionDocument(
        sampleDecision({ facts: `${AWKWARD}\n${AWKWARD.repeat(8)}`, replaces: '考评问责〔2026〕1号' }),
      ),
    ],
    ['proof of service (送达回证)', buildServiceProof(sampleServiceProof())],
    ['yearly accountability bulletin (问责情况通报)', buildAccountabilityBulletin(sampleAccountabilityBulletin())],
  ];
}
