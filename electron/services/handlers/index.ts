import type { HandlerMap } from '../handler';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { backupHandlers } from './backup';
import { calendarHandlers } from './calendar';
import { documentsHandlers } from './documents';
import { printHandlers } from './print';
import { lettersHandlers } from './letters';
import { lettersBatchHandlers } from './letters-batch';
import { lettersListHandlers } from './letters-list';
import { lettersManyHandlers } from './letters-many';
import { lettersSignHandlers } from './letters-sign';
import { plansHandlers } from './plans';
import { indicatorsHandlers } from './indicators';
import { progressHandlers } from './progress';
import { noticesHandlers } from './notices';
import { boardHandlers } from './board';
import { rectifyHandlers } from './rectify';
import { checksHandlers } from './checks';
import { jobsHandlers } from './jobs';
import { targetsHandlers } from './targets';
import { peopleHandlers } from './people';
import { unitsHandlers } from './units';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';
import { todoHandlers } from './todo';
import { usersHandlers } from './users';
import { resultsHandlers } from './results';
import { scoresHandlers } from './scores';
import { ruleTablesHandlers } from './rule-tables';
import { efficiencyHandlers } from './efficiency';
import { dashboardHandlers } from './dashboard';
import { publicationHandlers } from './publication';
import { objectionsHandlers } from './objections';
import { complaintsHandlers } from './complaints';
import { transfersHandlers } from './transfers';
import { webRegistersHandlers } from './web-registers';
import { registerImportsHandlers } from './register-imports';
import { meetingsHandlers } from './meetings';
import { complaintChannelsHandlers } from './complaint-channels';
import { casesHandlers } from './cases';
import { decisionsHandlers } from './decisions';
import { incidentReviewsHandlers } from './incident-reviews';
import { caseStatsHandlers } from './case-stats';
import { clueSourcesHandlers } from './clue-sources';
import { staffHandlers } from './staff';
import { archiveHandlers } from './archive';
import { trainingHandlers } from './training';
import { staffFormsHandlers } from './staff-forms';
import { staffExcellentHandlers } from './staff-excellent';
import { measuresImportHandlers } from './measures-import';
import { exchangeHandlers } from './exchange';
import { exchangeJobHandlers } from './exchange-jobs';

/** One handler per contract channel; the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  ...systemHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...calendarHandlers,
  ...unitsHandlers,
  ...peopleHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...plansHandlers,
  ...indicatorsHandlers,
  ...targetsHandlers,
  ...lettersHandlers,
  ...lettersBatchHandlers,
  ...lettersListHandlers,
  ...lettersManyHandlers,
  ...lettersSignHandlers,
  ...documentsHandlers,
  ...printHandlers,
  ...progressHandlers,
  ...noticesHandlers,
  ...boardHandlers,
  ...rectifyHandlers,
  ...checksHandlers,
  ...jobsHandlers,
  ...todoHandlers,
  ...resultsHandlers,
  ...scoresHandlers,
  ...ruleTablesHandlers,
  ...efficiencyHandlers,
  ...dashboardHandlers,
  ...publicationHandlers,
  ...objectionsHandlers,
  ...complaintsHandlers,
  ...transfersHandlers,
  ...webRegistersHandlers,
  ...registerImportsHandlers,
  ...meetingsHandlers,
  ...complaintChannelsHandlers,
  ...casesHandlers,
  ...decisionsHandlers,
  ...incidentReviewsHandlers,
  ...caseStatsHandlers,
  ...clueSourcesHandlers,
  ...staffHandlers,
  ...archiveHandlers,
  ...trainingHandlers,
  ...staffFormsHandlers,
  ...staffExcellentHandlers,
  ...measuresImportHandlers,
  ...exchangeHandlers,
  ...exchangeJobHandlers,
};
