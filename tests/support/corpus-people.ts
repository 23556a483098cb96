import {
  buildArchiveExtract,
  buildExcellentPublicity,
  buildStaffForm,
  type OfficialDocument,
} from '../../electron/core';
import { archiveExtract, sampleExcellentPublicity, sampleStaffForm } from './sample-people-docs';

/** The people module's documents (#19), for the engine's equivalence and render tests. */
export function peopleCorpus(): [string, OfficialDocument][] {
  return [
    ['archive extract (档案摘要, internal)', buildArchiveExtract(archiveExtract())],
    ['公务员年度考核登记表, no grade', buildStaffForm(sampleStaffForm())],
    ['优秀等次公示 of one unit', buildExcellentPublicity(sampleExcellentPublicity())],
  ];
}
