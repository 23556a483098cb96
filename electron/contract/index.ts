import type { z } from 'zod';
import type { ChannelDef } from './channel';
import { auditChannels } from './channels/audit';
import { authChannels } from './channels/auth';
import { backupChannels } from './channels/backup';
import { calendarChannels } from './channels/calendar';
import { documentsChannels } from './channels/documents';
import { orgChannels } from './channels/org';
import { lettersChannels } from './channels/letters';
import { plansChannels } from './channels/plans';
import { targetsChannels } from './channels/targets';
import { progressChannels } from './channels/progress';
import { noticesChannels } from './channels/notices';
import { checksChannels } from './channels/checks';
import { jobsChannels } from './channels/jobs';
import { settingsChannels } from './channels/settings';
import { systemChannels } from './channels/system';
import { todoChannels } from './channels/todo';
import { usersChannels } from './channels/users';
import { resultsChannels } from './channels/results';
import { scoresChannels } from './channels/scores';
import { ruleTablesChannels } from './channels/rule-tables';
import { efficiencyChannels } from './channels/efficiency';
import { dashboardChannels } from './channels/dashboard';
import { publicationChannels } from './channels/publication';
import { complaintsChannels } from './channels/complaints';
import { transfersChannels } from './channels/transfers';
import { complaintChannelsChannels } from './channels/complaint-channels';
import { webRegistersChannels } from './channels/web-registers';
import { registerImportsChannels } from './channels/register-imports';
import { casesChannels } from './channels/cases';
import { decisionsChannels } from './channels/decisions';
import { incidentReviewsChannels } from './channels/incident-reviews';
import { staffChannels } from './channels/staff';
import { archiveChannels } from './channels/archive';
import { trainingChannels } from './channels/training';
import { staffFormsChannels } from './channels/staff-forms';
import { staffExcellentChannels } from './channels/staff-excellent';
import { exchangeChannels } from './channels/exchange';

/** The single list of every call between UI and core. */
export const channels = {
  ...systemChannels,
  ...authChannels,
  ...usersChannels,
  ...settingsChannels,
  ...calendarChannels,
  ...orgChannels,
  ...auditChannels,
  ...backupChannels,
  ...plansChannels,
  ...targetsChannels,
  ...lettersChannels,
  ...documentsChannels,
  ...progressChannels,
  ...noticesChannels,
  ...checksChannels,
  ...jobsChannels,
  ...todoChannels,
  ...resultsChannels,
  ...scoresChannels,
  ...ruleTablesChannels,
  ...efficiencyChannels,
  ...dashboardChannels,
  ...publicationChannels,
  ...complaintsChannels,
  ...transfersChannels,
  ...complaintChannelsChannels,
  ...webRegistersChannels,
  ...registerImportsChannels,
  ...casesChannels,
  ...decisionsChannels,
  ...incidentReviewsChannels,
  ...staffChannels,
  ...archiveChannels,
  ...trainingChannels,
  ...staffFormsChannels,
  ...staffExcellentChannels,
  ...exchangeChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export function channelDef(name: ChannelName): ChannelDef {
  return channels[name];
}

export type { ChannelDef } from './channel';
export * from './result';
export * from './roles';
export * from './levels';
export * from './doc-kinds';
export * from './org-labels';
export * from './plan-labels';
