// Generated from electron/contract by tests/unit/renderer/channel-facts.test.ts; do not edit by hand.
// After changing a channel: npx vitest run tests/unit/renderer -u
import type { ChannelName } from '../../../electron/contract';
import type { ChannelFacts } from './types';
import { archiveFacts } from './archive';
import { auditFacts } from './audit';
import { authFacts } from './auth';
import { backupFacts } from './backup';
import { calendarFacts } from './calendar';
import { casesFacts } from './cases';
import { checksFacts } from './checks';
import { complaintChannelsFacts } from './complaint-channels';
import { complaintsFacts } from './complaints';
import { dashboardFacts } from './dashboard';
import { decisionsFacts } from './decisions';
import { documentsFacts } from './documents';
import { efficiencyFacts } from './efficiency';
import { exchangeFacts } from './exchange';
import { incidentReviewsFacts } from './incident-reviews';
import { jobsFacts } from './jobs';
import { lettersFacts } from './letters';
import { noticesFacts } from './notices';
import { orgFacts } from './org';
import { plansFacts } from './plans';
import { progressFacts } from './progress';
import { publicationFacts } from './publication';
import { registerImportsFacts } from './register-imports';
import { resultsFacts } from './results';
import { ruleTablesFacts } from './rule-tables';
import { scoresFacts } from './scores';
import { settingsFacts } from './settings';
import { staffFacts } from './staff';
import { staffExcellentFacts } from './staff-excellent';
import { staffFormsFacts } from './staff-forms';
import { systemFacts } from './system';
import { targetsFacts } from './targets';
import { todoFacts } from './todo';
import { trainingFacts } from './training';
import { transfersFacts } from './transfers';
import { usersFacts } from './users';
import { webRegistersFacts } from './web-registers';

export type { ChannelFacts } from './types';

export const channelFacts: { readonly [C in ChannelName]: ChannelFacts } = {
  ...archiveFacts,
  ...auditFacts,
  ...authFacts,
  ...backupFacts,
  ...calendarFacts,
  ...casesFacts,
  ...checksFacts,
  ...complaintChannelsFacts,
  ...complaintsFacts,
  ...dashboardFacts,
  ...decisionsFacts,
  ...documentsFacts,
  ...efficiencyFacts,
  ...exchangeFacts,
  ...incidentReviewsFacts,
  ...jobsFacts,
  ...lettersFacts,
  ...noticesFacts,
  ...orgFacts,
  ...plansFacts,
  ...progressFacts,
  ...publicationFacts,
  ...registerImportsFacts,
  ...resultsFacts,
  ...ruleTablesFacts,
  ...scoresFacts,
  ...settingsFacts,
  ...staffFacts,
  ...staffExcellentFacts,
  ...staffFormsFacts,
  ...systemFacts,
  ...targetsFacts,
  ...todoFacts,
  ...trainingFacts,
  ...transfersFacts,
  ...usersFacts,
  ...webRegistersFacts,
};
